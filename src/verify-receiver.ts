import { runVerifyReceiver } from './run/receiver-action.js'

await runVerifyReceiver()
