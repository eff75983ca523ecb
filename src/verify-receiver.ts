import { runVerifyReceiver } from './receiver/action.js'

await runVerifyReceiver()
