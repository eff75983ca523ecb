// The drip fault's log: `endedAt` is when the client can hold the whole answer, whether the client
// closes the socket at once or keeps it alive. The bench's redeploy part judges a dispatch against
// it; one drip late, it once saw a dispatch 226 ms "before" the write that the dispatch followed.
import { afterAll, expect, test } from '@jest/globals'
import { startFakeServer } from './http-fake.js'

const LATENCY = 50
const DRIP = 150
const server = await startFakeServer({
  latencyMs: LATENCY,
  fault: () => ({ dripMs: DRIP }),
  handle: () => ({ status: 201, body: {} })
})
afterAll(() => server.close())

test('a dripped answer ends with its last byte, on a socket kept alive', async () => {
  const res = await fetch(`${server.url}/x`, { method: 'PUT', body: '{}' })
  await res.text() // '{}': the last byte comes two drips after the headers
  const clientHadIt = performance.now()
  // The socket stays open, as a busy action keeps it, long past one more drip.
  await new Promise(resolve => setTimeout(resolve, 2 * DRIP))
  const [entry] = server.requests
  expect(entry?.fault).toBe('drip')
  expect(entry?.endedAt).toBeDefined()
  expect(entry!.endedAt!).toBeLessThanOrEqual(clientHadIt)
  expect(entry!.endedAt! - entry!.startedAt).toBeGreaterThanOrEqual(LATENCY + 2 * DRIP - 3)
})
