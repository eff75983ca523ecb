// The receiver check's two deliveries as a receiver gets them, byte for byte off the socket, from
// the verify-receiver bundle run as a runner runs it. A receiver that verifies no signature must
// have nothing but the signature to tell them apart: not a length, a header, its order or case,
// a timestamp, nor an id's form. Their random ids differ, drawn alike; their order is random.
import { afterEach, expect, test } from '@jest/globals'
import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { NODE24, ROOT, runAction } from '../fakes/runner.js'

const SCRIPT = join(ROOT, 'dist', 'verify-receiver', 'index.js')
const NEW = randomBytes(32).toString('hex')

interface Raw {
  bytes: Buffer
  genuine: boolean
}

let server: Server | undefined
afterEach(() => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())))

/** Headers as sent (name: value), the body after them. */
function parse(bytes: Buffer): { head: string[]; body: string } {
  const end = bytes.indexOf('\r\n\r\n')
  return {
    head: bytes.subarray(0, end).toString('latin1').split('\r\n'),
    body: bytes.subarray(end + 4).toString('utf8')
  }
}

const header = (head: string[], name: string): string =>
  head.find(line => line.toLowerCase().startsWith(`${name}: `))?.slice(name.length + 2) ?? ''

/** Whether the delivery is signed with the new secret, as a receiver holding it would check. */
function signedWithNew(bytes: Buffer): boolean {
  const { head, body } = parse(bytes)
  const id = header(head, 'webhook-id')
  const timestamp = header(head, 'webhook-timestamp')
  const mac = createHmac('sha256', NEW).update(`${id}.${timestamp}.${body}`).digest('base64')
  return header(head, 'webhook-signature') === `v1,${mac}`
}

/** A receiver that verifies (204, 401), reading every request off the socket as sent. */
async function rawReceiver(requests: Raw[]): Promise<string> {
  server = createServer((socket: Socket) => {
    let pending = Buffer.alloc(0)
    socket.on('data', data => {
      pending = Buffer.concat([pending, data])
      for (;;) {
        const end = pending.indexOf('\r\n\r\n')
        if (end < 0) return
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(pending.toString('latin1'))?.[1])
        if (pending.length < end + 4 + length) return
        const bytes = pending.subarray(0, end + 4 + length)
        pending = pending.subarray(end + 4 + length)
        const genuine = signedWithNew(bytes)
        requests.push({ bytes, genuine })
        socket.write(`HTTP/1.1 ${genuine ? '204 No Content' : '401 Unauthorized'}\r\n\r\n`)
      }
    })
  })
  await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/composio`
}

/** The delivery with its random parts (the ids, the signature) replaced by their form. */
const form = (bytes: Buffer): string =>
  bytes
    .toString('latin1')
    .replace(/msg_check_[0-9a-f]{24}/g, 'msg_check_<24 hex>')
    .replace(/evt_check_[0-9a-f]{24}/g, 'evt_check_<24 hex>')
    .replace(/v1,[A-Za-z0-9+/]{43}=/g, 'v1,<44 base64>')

test('the two deliveries of a round differ only in their signature and their random ids, byte for byte as sent', async () => {
  const requests: Raw[] = []
  const url = await rawReceiver(requests)
  const result = await runAction({
    script: SCRIPT,
    node: NODE24,
    inputs: { secret: NEW, url, 'timeout-seconds': '10', 'interval-seconds': '1' }
  })
  expect(result.code).toBe(0)
  expect(requests.length % 2).toBe(0)
  for (let i = 0; i < requests.length; i += 2) {
    const pair = [requests[i]!, requests[i + 1]!]
    expect(pair.map(r => r.genuine).sort()).toEqual([false, true])
    const [a, b] = pair.map(r => r.bytes)
    expect(a!.length).toBe(b!.length)
    expect(form(a!)).toBe(form(b!))
    // And the random parts do differ: a receiver cannot match a pair by them either.
    expect(a!.toString('latin1')).not.toBe(b!.toString('latin1'))
  }
  // The forms are those of every round: nothing changes with the round but the timestamps.
  const [first] = requests
  expect(parse(first!.bytes).head.map(line => line.split(': ')[0])).toEqual(
    parse(requests.at(-1)!.bytes).head.map(line => line.split(': ')[0])
  )
})
