// @ts-check
// A stand-in for the one AWS CLI command the recipes use (the CLI is not installed here):
//   aws secretsmanager put-secret-value --region R --secret-id ID \
//     --secret-string file:///dev/stdin --query VersionId --output text
// It takes exactly those arguments (anything else fails, as a typo would with the real CLI),
// reads the value from the file named as the CLI does, and writes it with the real SDK through
// the environment's credentials and endpoint, so a pasted recipe really lands in the fake.
// Plain ESM: runs under `node` as is.
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { readFileSync } from 'node:fs'

const [service, command, ...rest] = process.argv.slice(2)
if (service !== 'secretsmanager' || command !== 'put-secret-value') fail(`unknown command`)
/** @type {Record<string, string>} */
const options = {}
for (let i = 0; i < rest.length; i += 2) {
  const [flag = '', value] = [rest[i], rest[i + 1]]
  if (!flag.startsWith('--') || value === undefined) fail(`bad argument ${flag}`)
  options[flag.slice(2)] = /** @type {string} */ (value)
}
const expected = ['output', 'query', 'region', 'secret-id', 'secret-string']
if (Object.keys(options).sort().join() !== expected.join()) fail('unexpected options')
if (options['query'] !== 'VersionId' || options['output'] !== 'text') fail('unexpected output')
const from = /^file:\/\/(.+)$/.exec(options['secret-string'] ?? '')?.[1]
if (!from) fail('--secret-string must name a file:// (a value on the command line shows in ps)')

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'
const client = new SecretsManagerClient({ region: options['region'] })
const answer = await client.send(
  new PutSecretValueCommand({
    SecretId: options['secret-id'],
    SecretString: readFileSync(/** @type {string} */ (from), 'utf8')
  })
)
process.stdout.write(`${answer.VersionId}\n`)

/** @param {string} why @returns {never} */
function fail(why) {
  process.stderr.write(`aws (test stand-in): ${why}: ${process.argv.slice(2).join(' ')}\n`)
  process.exit(252)
}
