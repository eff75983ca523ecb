import { describe, expect, test } from '@jest/globals'
import { describeStatus, parseComposioError } from '../../../src/composio/errors.js'

describe('parseComposioError', () => {
  test.each([
    [
      'the error envelope',
      JSON.stringify({
        error: {
          message: 'API key is invalid',
          code: 801,
          slug: 'APIKey_InvalidAPIKey',
          status: 401,
          request_id: 'req_123',
          suggested_fix: 'Create a new API key'
        }
      }),
      {
        message: 'API key is invalid',
        slug: 'APIKey_InvalidAPIKey',
        requestId: 'req_123',
        suggestedFix: 'Create a new API key'
      }
    ],
    ['a bare message', '{"message":"Too many requests"}', { message: 'Too many requests' }],
    ['an HTML page', '<html><body><h1>502 Bad Gateway</h1></body></html>', {}],
    ['an empty body', '', {}],
    ['null', 'null', {}],
    ['an array', '[]', {}],
    ['an array of messages', '[{"message":"x"}]', {}],
    ['a JSON string', '"x"', {}],
    ['a JSON number', '42', {}],
    ['an envelope whose error is a string', '{"error":"boom"}', {}],
    ['an envelope whose error is null', '{"error":null,"message":"outer"}', {}],
    [
      'non-string fields',
      '{"error":{"message":123,"slug":{"a":1},"request_id":null,"suggested_fix":["fix"]}}',
      {}
    ],
    [
      'empty and blank strings',
      '{"error":{"message":"","slug":"S","request_id":"  ","suggested_fix":""}}',
      { slug: 'S' }
    ],
    ['truncated JSON', '{"error":{"message":"cut', {}],
    [
      'a message that would start a workflow command',
      '{"error":{"message":"bad\\n::add-mask::x\\r\\nmore","slug":"A\\u0000B"}}',
      { message: 'bad ::add-mask::x more', slug: 'A B' }
    ],
    [
      'a very long message',
      JSON.stringify({ message: 'm'.repeat(1000) }),
      { message: `${'m'.repeat(300)}…` }
    ]
  ])('%s', (_name, body, expected) => {
    const details = parseComposioError(body)
    // Compare the defined fields only: the absent ones must be undefined.
    expect(Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined))).toEqual(
      expected
    )
  })
})

describe('describeStatus', () => {
  test('every part, then the hint for the status', () => {
    expect(
      describeStatus(401, {
        message: 'Invalid API key',
        slug: 'APIKey_InvalidAPIKey',
        requestId: 'req_1',
        suggestedFix: 'Create a new key'
      })
    ).toBe(
      "HTTP 401 APIKey_InvalidAPIKey: Invalid API key (request_id: req_1). Suggested fix: Create a new key. Hint: check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)"
    )
  })

  test.each([
    [
      403,
      {},
      'HTTP 403. Hint: the key lacks permission: a scoped project API key needs Composio\'s "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)'
    ],
    [
      404,
      { message: 'Not found' },
      "HTTP 404: Not found. Hint: check 'subscription-id' and that it belongs to the key's project"
    ],
    [429, { message: 'Too many requests' }, 'HTTP 429: Too many requests'],
    [500, {}, 'HTTP 500'],
    [409, { slug: 'Conflict' }, 'HTTP 409 Conflict']
  ])('%d %j', (status, details, expected) => {
    expect(describeStatus(status, details)).toBe(expected)
  })

  test('401 with a user API key: the current description accepts project API keys only', () => {
    expect(describeStatus(401, { slug: 'UserApiKey_Unauthorized' }, 'x-user-api-key')).toBe(
      "HTTP 401 UserApiKey_Unauthorized. Hint: Composio's current API description accepts only project API keys (x-api-key) for webhook subscriptions: give a project API key in 'api-key' instead of 'user-api-key'"
    )
    expect(describeStatus(403, {}, 'x-user-api-key')).toContain('"Webhooks" permission')
  })
})
