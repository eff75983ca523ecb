// The AWS SDK prints NodeVersionSupportWarning on Node 20 once per process, when its first client
// is built: this file builds none before the store does (its own module registry), so the store
// alone decides whether the warning reaches stderr, which a runner shows in the user's log.
import { afterEach, expect, it, jest } from '@jest/globals'
import { NEW_SECRET, startStore, useSdkEnvironment, type StoreRun } from './aws-harness.js'

useSdkEnvironment()
let run: StoreRun | undefined
afterEach(async () => {
  await run?.fake.close()
})

it('prints nothing to stderr, not even the SDK NodeVersionSupportWarning, through a whole check and write', async () => {
  delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED
  const emitWarning = jest.spyOn(process, 'emitWarning')
  const stderr = jest.spyOn(process.stderr, 'write')
  try {
    run = await startStore()
    await run.store.proveWritable('S')
    await run.store.write('S', NEW_SECRET)
    expect(emitWarning).not.toHaveBeenCalled()
    // jest's own notice for the dynamic import() under --experimental-vm-modules is no output of
    // the action's (a runner has no such flag).
    const printed = stderr.mock.calls.map(([chunk]) => String(chunk))
    expect(printed.filter(text => !/ExperimentalWarning: VM Modules/.test(text))).toEqual([])
  } finally {
    emitWarning.mockRestore()
    stderr.mockRestore()
  }
})
