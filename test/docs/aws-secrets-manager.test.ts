// docs/aws-secrets-manager.md's receiver pattern does what the page says: a reader whose cache
// holds the old secret reads past it once a delivery fails, at most once per interval, and then
// verifies the new secret; forged deliveries do not each cost an AWS call. The page's own code block runs, as
// a user would copy it, with the real SDK against the fake Secrets Manager.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { codeBlocks } from './markdown.js'
import { FAKE_AWS_CREDENTIALS, startFakeSecretsManager } from '../fakes/aws-secretsmanager.js'

const run = promisify(execFile)

const ROOT = join(import.meta.dirname, '..', '..')
const page = readFileSync(join(ROOT, 'docs', 'aws-secrets-manager.md'), 'utf8')
const OLD = 'old-secret-'.padEnd(64, 'o')
const NEW = 'new-secret-'.padEnd(64, 'n')

let fake: Awaited<ReturnType<typeof startFakeSecretsManager>>
let dir: string
beforeAll(async () => {
  fake = await startFakeSecretsManager({ secrets: { 'prod/hook': OLD } })
  // Inside the repository, so that the snippet's import finds node_modules as a user's would.
  dir = mkdtempSync(join(ROOT, '.docs-snippet-'))
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await fake.close()
})

/**
 * Runs `steps` (module code after the page's block is imported) in a fresh Node process: the
 * page's code as a user copies it, its rate limit shortened from 5 s so the test does not wait.
 */
async function runWithSnippet(steps: string): Promise<unknown> {
  const [snippet = ''] = codeBlocks(page, 'js')
  const fast = snippet.replace('REFRESH_AT_MOST_EVERY_MS = 5_000', 'REFRESH_AT_MOST_EVERY_MS = 300')
  expect(fast).not.toBe(snippet)
  writeFileSync(join(dir, 'receiver.mjs'), fast)
  writeFileSync(join(dir, 'main.mjs'), steps)
  const { stdout } = await run(process.execPath, [join(dir, 'main.mjs')], {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: fake.region,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.url,
      AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      COMPOSIO_WEBHOOK_SECRET_ID: 'prod/hook'
    }
  })
  return JSON.parse(stdout)
}

test('a cache holding the old secret costs one read past it, at most one per interval; then the new secret verifies', async () => {
  const results = await runWithSnippet(`
    import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
    import { verifyDelivery } from './receiver.mjs'
    const signedWith = secret => candidate => candidate === secret
    const results = [await verifyDelivery(signedWith(${JSON.stringify(OLD)}))]
    // The rotation, and the action's write: AWSCURRENT is the new secret from here on.
    await new SecretsManagerClient({}).send(
      new PutSecretValueCommand({ SecretId: 'prod/hook', SecretString: ${JSON.stringify(NEW)} })
    )
    results.push(await verifyDelivery(signedWith(${JSON.stringify(NEW)}))) // read too recently
    await new Promise(resolve => setTimeout(resolve, 350))
    results.push(await verifyDelivery(signedWith(${JSON.stringify(NEW)}))) // one read past the cache
    results.push(await verifyDelivery(signedWith('forged')))
    results.push(await verifyDelivery(signedWith(${JSON.stringify(NEW)})))
    process.stdout.write(JSON.stringify(results))
  `)
  expect(results).toEqual([true, false, true, false, true])
  expect(fake.calls.filter(call => call.operation === 'GetSecretValue')).toHaveLength(2)
  expect(fake.state.reads).toEqual([OLD, NEW])
})
