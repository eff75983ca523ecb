// Behind a runner's proxy the AWS store goes where every other request of the action goes: through
// HTTPS_PROXY as @actions/http-client reads it (the SDK alone would ignore it and connect
// directly). The fake proxy answers CONNECT for the regional Secrets Manager host only, handing
// the tunnel to a TLS front whose certificate this process does not trust: the test sees the
// tunnel asked for the real name, and the certificate check still on inside it.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { startFakeProxy, type FakeProxy } from '../../fakes/proxy.js'
import { hasOpenssl, makeCertificates, startTlsFront, type TlsFront } from '../../fakes/tls.js'
import { REGION, setEnv, startStore, useSdkEnvironment, type StoreRun } from './aws-harness.js'

const AWS_HOST = `secretsmanager.${REGION}.amazonaws.com`
const describeWithOpenssl = hasOpenssl() ? describe : describe.skip

describeWithOpenssl('behind HTTPS_PROXY', () => {
  useSdkEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })
  const certificates = hasOpenssl() ? makeCertificates([AWS_HOST]) : undefined
  let run: StoreRun | undefined
  let front: TlsFront | undefined
  let proxy: FakeProxy | undefined
  let restore = () => {}
  afterEach(async () => {
    restore()
    await Promise.all([proxy?.close(), front?.close(), run?.fake.close()])
  })
  afterAll(() => certificates?.dispose())

  it('tunnels to the regional endpoint through the proxy, certificate checks on', async () => {
    // No endpoint variable: the SDK's own regional endpoint, as on a real runner.
    run = await startStore({
      env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: undefined },
      timeoutMs: 1000
    })
    front = await startTlsFront(run.fake.url, certificates!)
    proxy = await startFakeProxy({ routes: { [`${AWS_HOST}:443`]: front.url } })
    restore = setEnv({
      HTTPS_PROXY: proxy.url,
      https_proxy: undefined,
      NO_PROXY: undefined,
      no_proxy: undefined
    })

    await expect(run.store.proveWritable('S')).rejects.toThrow(/certificate/)
    expect(proxy.connects.map(c => c.target)[0]).toBe(`${AWS_HOST}:443`)
    expect(proxy.connects.every(c => c.target === `${AWS_HOST}:443`)).toBe(true)
    expect(run.fake.calls).toEqual([]) // the untrusted certificate stopped it before any request
  })
})
