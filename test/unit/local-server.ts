// A real HTTP server on 127.0.0.1 for the tests that must see what goes over the wire: the
// requests it received (a redirect target must receive none), and answers that never come.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

export interface LocalServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  origin: string
  requests: Received[]
  close(): Promise<void>
}

export async function listen(
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void
): Promise<LocalServer> {
  const requests: Received[] = []
  const server = http.createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers
    })
    handler(request, response)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections() // hanging answers included
        server.close(() => resolve())
      })
  }
}
