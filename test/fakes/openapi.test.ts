// The fake GitHub's referee (test/fakes/openapi.js) catches what breaks GitHub's OpenAPI
// description and passes what does not; and the committed extract is the one the script pins.
import { readFileSync, statSync } from 'node:fs'
import { describe, expect, test } from '@jest/globals'
import {
  OPERATION_IDS,
  OUTPUT,
  PACKAGE,
  SOURCE_FILE,
  VERSION,
  stripSchema
} from '../../scripts/openapi/extract.js'
import {
  checkRequest,
  checkResponse,
  description,
  exampleOf,
  fromText,
  matchOperation,
  operation,
  typedNullable
} from './openapi.js'

const SEALED = Buffer.from('sealed box bytes').toString('base64')
const REPO_SECRET = '/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET'
const ENV_SECRET = '/repos/acme/app/environments/production/secrets/COMPOSIO_WEBHOOK_SECRET'
const ORG_SECRET = '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET'
const LIST = `${ORG_SECRET}/repositories`

const put = (path: string, body: unknown) => checkRequest({ method: 'PUT', path, body })

describe('the committed extract', () => {
  test('is the pinned version of @octokit/openapi, from the dereferenced api.github.com file', () => {
    expect(description.source).toMatchObject({
      package: PACKAGE,
      version: VERSION,
      file: SOURCE_FILE,
      regenerate: 'npm run openapi:extract'
    })
    expect(PACKAGE).toBe('@octokit/openapi')
    expect(SOURCE_FILE).toBe('generated/api.github.com.deref.json')
    expect(description.source.integrity).toMatch(/^sha512-/)
    const scripts = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>
      }
    ).scripts
    expect(scripts['openapi:extract']).toBe('node scripts/openapi/extract.js')
  })

  test('holds exactly the operations the script extracts, each with its route', () => {
    expect(description.operationIds).toEqual(OPERATION_IDS)
    expect(Object.keys(description.operations)).toEqual(OPERATION_IDS)
    const routes = Object.fromEntries(
      OPERATION_IDS.map(id => [id, `${operation(id)!.method} ${operation(id)!.path}`])
    )
    expect(routes).toEqual({
      'actions/get-repo-public-key': 'GET /repos/{owner}/{repo}/actions/secrets/public-key',
      'actions/get-environment-public-key':
        'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key',
      'actions/get-org-public-key': 'GET /orgs/{org}/actions/secrets/public-key',
      'actions/create-or-update-repo-secret':
        'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}',
      'actions/create-or-update-environment-secret':
        'PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
      'actions/create-or-update-org-secret': 'PUT /orgs/{org}/actions/secrets/{secret_name}',
      'actions/delete-repo-secret': 'DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}',
      'actions/delete-environment-secret':
        'DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
      'actions/delete-org-secret': 'DELETE /orgs/{org}/actions/secrets/{secret_name}',
      'actions/get-org-secret': 'GET /orgs/{org}/actions/secrets/{secret_name}',
      'actions/list-selected-repos-for-org-secret':
        'GET /orgs/{org}/actions/secrets/{secret_name}/repositories',
      'repos/get': 'GET /repos/{owner}/{repo}',
      'issues/list-for-repo': 'GET /repos/{owner}/{repo}/issues',
      'issues/create': 'POST /repos/{owner}/{repo}/issues',
      'issues/create-comment': 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'issues/update': 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'
    })
  })

  test('what GitHub documents for secret writes and deletes', () => {
    const statuses = (id: string) => Object.keys(operation(id)!.responses)
    expect(statuses('actions/create-or-update-org-secret')).toEqual(['201', '204'])
    expect(statuses('actions/delete-repo-secret')).toEqual(['204'])
    // A new secret: 201 with an empty object; a replaced one: 204 without a body.
    expect(operation('actions/create-or-update-repo-secret')!.responses['201']!.schema).toEqual({
      title: 'Empty Object',
      type: 'object',
      properties: {},
      additionalProperties: false
    })
    expect(operation('actions/create-or-update-repo-secret')!.responses['204']).toEqual({})
  })

  test('stays small: prose is gone, data and validating keywords are not', () => {
    // The issues operations (the failure issue) carry GitHub's whole issue schema: ~520 KB.
    expect(statSync(OUTPUT).size).toBeLessThan(640 * 1024)
    const text = readFileSync(OUTPUT, 'utf8')
    expect(text).not.toMatch(/"summary":|"externalDocs":|"x-github":|"x-octokit":/)
    // `description` survives only as a property name (full-repository has one) or example data.
    expect(
      stripSchema({ description: 'prose', example: 1, 'x-foo': 1, type: 'object' }, 't')
    ).toEqual({ type: 'object' })
    expect(
      stripSchema(
        {
          type: 'object',
          properties: { description: { type: 'string', description: 'prose' } },
          required: ['description'],
          enum: [{ description: 'data' }]
        },
        't'
      )
    ).toEqual({
      type: 'object',
      properties: { description: { type: 'string' } },
      required: ['description'],
      enum: [{ description: 'data' }]
    })
    expect(() => stripSchema({ $ref: '#/components/schemas/x' }, 't')).toThrow(/unresolved \$ref/)
  })
})

describe('matchOperation', () => {
  test('a literal segment beats a parameter: public-key is the key, not a secret', () => {
    expect(matchOperation('GET', '/orgs/acme/actions/secrets/public-key')?.operationId).toBe(
      'actions/get-org-public-key'
    )
    expect(matchOperation('GET', '/orgs/acme/actions/secrets/TOKEN')).toMatchObject({
      operationId: 'actions/get-org-secret',
      params: { org: 'acme', secret_name: 'TOKEN' }
    })
  })

  test('path parameters are URL-decoded segments of the raw path', () => {
    expect(
      matchOperation('GET', '/repos/acme/app/environments/prod%20eu%2F1/secrets/public-key')
    ).toMatchObject({
      operationId: 'actions/get-environment-public-key',
      params: { owner: 'acme', repo: 'app', environment_name: 'prod eu/1' }
    })
  })

  test('the method picks the operation among those of a path', () => {
    expect(matchOperation('put', REPO_SECRET)?.operationId).toBe(
      'actions/create-or-update-repo-secret'
    )
    expect(matchOperation('DELETE', REPO_SECRET)?.operationId).toBe('actions/delete-repo-secret')
    expect(matchOperation('PATCH', REPO_SECRET)).toBeUndefined()
    expect(matchOperation('GET', '/repos/acme/app/')).toBeUndefined()
  })
})

describe('checkRequest catches', () => {
  test('an organization secret written without visibility', () => {
    const { operationId, problems } = put(ORG_SECRET, { encrypted_value: SEALED, key_id: '1' })
    expect(operationId).toBe('actions/create-or-update-org-secret')
    expect(problems).toEqual(["body must have required property 'visibility'"])
  })

  test('a visibility GitHub does not know', () => {
    const body = { encrypted_value: SEALED, key_id: '1', visibility: 'internal' }
    expect(put(ORG_SECRET, body).problems).toEqual([
      'body/visibility must be equal to one of the allowed values (all, private, selected)'
    ])
  })

  test.each([
    ['a fraction', [1296269, 1.5]],
    ['a boolean', [true]],
    ['an object', [{ id: 1 }]]
  ])('a selected_repository_ids entry that is %s', (_what, ids) => {
    const body = {
      encrypted_value: SEALED,
      key_id: '1',
      visibility: 'selected',
      selected_repository_ids: ids
    }
    const { problems } = put(ORG_SECRET, body)
    expect(problems).toContain(
      `body/selected_repository_ids/${ids.length - 1} must match a schema in anyOf`
    )
    expect(problems).toContain(`body/selected_repository_ids/${ids.length - 1} must be integer`)
  })

  test('selected_repository_ids that is not an array', () => {
    const body = { visibility: 'selected', selected_repository_ids: '1296269,1296280' }
    expect(put(ORG_SECRET, body).problems).toEqual(['body/selected_repository_ids must be array'])
  })

  test.each([REPO_SECRET, ENV_SECRET])('a write to %s without key_id', path => {
    expect(put(path, { encrypted_value: SEALED }).problems).toEqual([
      "body must have required property 'key_id'"
    ])
  })

  test('a sealed value that is not standard base64 (URL-safe alphabet, no padding)', () => {
    const urlSafe = Buffer.from([0xfb, 0xff, 0xfe, 0x01]).toString('base64url')
    const { problems } = put(REPO_SECRET, { encrypted_value: urlSafe, key_id: '1' })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^body\/encrypted_value must match pattern/)
  })

  test('a key_id sent as a number', () => {
    expect(put(REPO_SECRET, { encrypted_value: SEALED, key_id: 1234 }).problems).toEqual([
      'body/key_id must be string'
    ])
  })

  test.each(['abc', '10.5', '1e2', '', ' 100'])('per_page=%j', perPage => {
    const { problems } = checkRequest({ method: 'GET', path: LIST, query: { per_page: perPage } })
    expect(problems).toEqual(['query per_page must be integer'])
  })

  test('a query parameter the operation does not document', () => {
    const { problems } = checkRequest({
      method: 'GET',
      path: '/repos/acme/app/actions/secrets/public-key',
      query: { per_page: '100' }
    })
    expect(problems).toEqual([
      'query parameter per_page is not documented for actions/get-repo-public-key'
    ])
  })

  test.each([
    ['GET', '/user', /^no operation matches GET \/user/],
    ['GET', '/repos/acme/app/actions/variables', /^no operation matches/],
    ['PATCH', '/repos/acme/app', /^PATCH is not documented for this path \(only GET\)/],
    ['POST', REPO_SECRET, /^POST is not documented for this path \(only PUT, DELETE\)/],
    ['GET', '/repos/acme/app/actions/secrets/public-key/', /^no operation matches/]
  ])('an unknown route: %s %s', (method, path, message) => {
    const { operationId, problems } = checkRequest({ method, path })
    expect(operationId).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  test('a malformed path and an empty path parameter', () => {
    expect(checkRequest({ method: 'GET', path: '/repos/acme/%E0%A4%A/actions' }).problems).toEqual([
      'malformed path'
    ])
    expect(
      checkRequest({ method: 'GET', path: '/repos//app/actions/secrets/public-key' }).problems
    ).toEqual(['path parameter owner is empty'])
  })

  test('a write without a body, with a body that is not JSON, or sent as another type', () => {
    expect(checkRequest({ method: 'PUT', path: REPO_SECRET }).problems).toEqual([
      'actions/create-or-update-repo-secret requires a JSON request body'
    ])
    expect(
      checkRequest({ method: 'PUT', path: REPO_SECRET, rawBody: 'encrypted_value=x' }).problems
    ).toEqual(['the request body is not JSON'])
    expect(
      checkRequest({
        method: 'PUT',
        path: REPO_SECRET,
        body: { encrypted_value: SEALED, key_id: '1' },
        contentType: 'text/plain'
      }).problems
    ).toEqual(['the request body is sent as text/plain, not application/json'])
  })

  test('a body on a request that documents none', () => {
    const { problems } = checkRequest({ method: 'DELETE', path: REPO_SECRET, body: {} })
    expect(problems).toEqual([
      'actions/delete-repo-secret documents no request body, yet one was sent'
    ])
  })
})

describe('checkRequest accepts', () => {
  test('the writes the action sends, for each scope', () => {
    const body = { encrypted_value: SEALED, key_id: '012345678912345678' }
    for (const path of [REPO_SECRET, ENV_SECRET]) {
      expect(
        checkRequest({
          method: 'PUT',
          path,
          body,
          rawBody: JSON.stringify(body),
          contentType: 'application/json; charset=utf-8'
        }).problems
      ).toEqual([])
    }
    for (const access of [
      { visibility: 'all' },
      { visibility: 'private' },
      { visibility: 'selected', selected_repository_ids: [] },
      { visibility: 'selected', selected_repository_ids: [1296269, 1296280] }
    ])
      expect(put(ORG_SECRET, { ...body, ...access }).problems).toEqual([])
  })

  test('the description’s own request examples', () => {
    let checked = 0
    for (const id of OPERATION_IDS) {
      const op = operation(id)!
      for (const example of Object.values(op.requestBody?.examples ?? {})) {
        const path = op.path.replace('{issue_number}', '1').replace(/\{[^}]+\}/g, 'x')
        const { problems } = checkRequest({ method: op.method, path, body: example })
        expect([id, problems]).toEqual([id, []])
        checked++
      }
    }
    expect(checked).toBe(6) // the three secret writes; an issue created, commented, updated
  })

  test('reads and deletes, with and without paging', () => {
    const ok = (method: string, path: string, query?: Record<string, string>) =>
      expect(checkRequest({ method, path, query: query ?? {} })).toMatchObject({ problems: [] })
    ok('GET', '/repos/acme/app')
    ok('GET', '/repos/acme/app/actions/secrets/public-key')
    ok('GET', '/repos/acme/app/environments/prod%2Feu/secrets/public-key')
    ok('GET', '/orgs/acme/actions/secrets/public-key')
    ok('GET', ORG_SECRET)
    ok('GET', LIST)
    ok('GET', LIST, { per_page: '100', page: '2' })
    ok('DELETE', REPO_SECRET)
    ok('DELETE', ENV_SECRET)
    ok('DELETE', ORG_SECRET)
  })

  test('path and query text becomes the JSON its schema is about', () => {
    expect(fromText('100', { type: 'integer' })).toBe(100)
    expect(fromText('-3', { type: 'integer' })).toBe(-3)
    expect(fromText('1e2', { type: 'integer' })).toBe('1e2')
    expect(fromText('true', { type: 'boolean' })).toBe(true)
    expect(fromText('100', { type: 'string' })).toBe('100')
  })
})

describe('checkResponse', () => {
  test('an undocumented status: a 200 to a write, a 201 to a delete, a 500', () => {
    expect(checkResponse('actions/create-or-update-repo-secret', 200, {})).toEqual([
      'status 200 is not documented for actions/create-or-update-repo-secret (documented: 201, 204)'
    ])
    expect(checkResponse('actions/delete-org-secret', 201, {})).toEqual([
      'status 201 is not documented for actions/delete-org-secret (documented: 204)'
    ])
    expect(checkResponse('actions/get-repo-public-key', 500, { message: 'boom' })).toEqual([
      'status 500 is not documented for actions/get-repo-public-key (documented: 200)'
    ])
    expect(checkResponse('no/such-operation', 200, {})).toEqual([
      'unknown operationId no/such-operation'
    ])
  })

  test('GitHub’s generic client errors pass with a Basic Error body, and only with one', () => {
    for (const status of [400, 401, 403, 404, 422])
      expect(checkResponse('actions/delete-repo-secret', status, { message: 'x' })).toEqual([])
    expect(checkResponse('actions/delete-repo-secret', 404, { message: 404 })).toEqual([
      'response 404 body/message must be string'
    ])
    expect(checkResponse('actions/delete-repo-secret', 404, undefined)).toEqual([
      'status 404 of actions/delete-repo-secret has a JSON body in the description; none was sent'
    ])
    expect(checkResponse('actions/delete-repo-secret', 409, { message: 'x' })).toEqual([
      'status 409 is not documented for actions/delete-repo-secret (documented: 204)'
    ])
  })

  test('a public key without key_id, an organization secret without visibility', () => {
    expect(checkResponse('actions/get-repo-public-key', 200, { key: 'AAAA' })).toEqual([
      "response 200 body must have required property 'key_id'"
    ])
    expect(checkResponse('actions/get-org-public-key', 200, { key_id: 1, key: 'AAAA' })).toEqual([
      'response 200 body/key_id must be string'
    ])
    const secret = { name: 'X', created_at: '2026-01-01T00:00:00Z', updated_at: 'yesterday' }
    expect(checkResponse('actions/get-org-secret', 200, secret)).toEqual([
      "response 200 body must have required property 'visibility'",
      'response 200 body/updated_at must match format "date-time"'
    ])
  })

  test('a repository missing a required field, or listed too sparsely', () => {
    const repo = exampleOf('repos/get', 200) as Record<string, unknown>
    repo['language'] = null
    delete repo['source'] // the description's example lacks `language` there too
    expect(checkResponse('repos/get', 200, repo)).toEqual([])
    delete repo['default_branch']
    expect(checkResponse('repos/get', 200, repo)).toEqual([
      "response 200 body must have required property 'default_branch'"
    ])
    const sparse = { total_count: 1, repositories: [{ id: 1, name: 'app', full_name: 'acme/app' }] }
    const problems = checkResponse('actions/list-selected-repos-for-org-secret', 200, sparse)
    expect(problems).toContain(
      "response 200 body/repositories/0 must have required property 'owner'"
    )
  })

  test('201 to a write is an empty object; 204 has no body', () => {
    const id = 'actions/create-or-update-environment-secret'
    expect(checkResponse(id, 201, {})).toEqual([])
    expect(checkResponse(id, 201, undefined)).toEqual([
      `status 201 of ${id} has a JSON body in the description; none was sent`
    ])
    expect(checkResponse(id, 201, { created: true })).toEqual([
      'response 201 body must NOT have additional properties (created)'
    ])
    expect(checkResponse(id, 204, undefined)).toEqual([])
    expect(checkResponse(id, 204, {})).toEqual([
      `status 204 of ${id} has no body, yet one was sent`
    ])
    expect(checkResponse('actions/delete-org-secret', 204, undefined)).toEqual([])
  })

  test('the description’s examples fit their schemas, but for two flaws the fake works around', () => {
    const flaws: string[] = []
    for (const id of OPERATION_IDS) {
      for (const [status, media] of Object.entries(operation(id)!.responses)) {
        for (const example of Object.values(media.examples ?? {}))
          for (const problem of checkResponse(id, Number(status), example))
            flaws.push(`${id} ${status}: ${problem}`)
      }
    }
    expect(flaws).toEqual([
      // The 201 example is null, not the empty object the schema says (the fake answers {}).
      'actions/create-or-update-repo-secret 201: response 201 body must be object',
      'actions/create-or-update-environment-secret 201: response 201 body must be object',
      'actions/create-or-update-org-secret 201: response 201 body must be object',
      // full-repository requires `language`; the example has none (the fake sets null).
      "repos/get 200: response 200 body must have required property 'language'",
      "repos/get 200: response 200 body/source must have required property 'language'"
    ])
  })
})

describe('typedNullable: OpenAPI 3.0 nullable as Ajv reads it', () => {
  test('beside oneOf without a type: null or the schema; beside an enum: null joins it', () => {
    expect(typedNullable({ nullable: true, oneOf: [{ type: 'string' }] })).toEqual({
      anyOf: [{ oneOf: [{ type: 'string' }] }, { type: 'null' }]
    })
    expect(typedNullable({ type: 'string', nullable: true, enum: ['a'] })).toEqual({
      type: 'string',
      nullable: true,
      enum: ['a', null]
    })
    // Data is left alone: an enum's values, a default, a property named "nullable".
    const data = { type: 'object', properties: { nullable: { type: 'boolean' } }, default: {} }
    expect(typedNullable(data)).toEqual(data)
  })
})
