// The receiver check's inputs, for the main action (verify-receiver, verify-timeout-seconds,
// verify-interval-seconds) and for the verify-receiver action (secret, url, rotated-at,
// timeout-seconds, interval-seconds). A bad URL fails here, before any request: nothing rotated.
import { VERIFY_RECEIVER_INPUTS, refuseNearMisses } from './declared.js'
import { InputError, input, parsed, required, seconds } from './read.js'
import { receiverUrl } from '../http/urls.js'

/** A URL given as is, or the subscription's webhook_url, known once Composio has been read. */
export type ReceiverTarget = { url: string } | { fromSubscription: true }

export interface CheckTiming {
  /** How long the check keeps trying before it fails. */
  timeoutMs: number
  /** From the start of one round (one pair of deliveries) to the start of the next. */
  intervalMs: number
}

export interface ReceiverOptions {
  /** Undefined: no receiver check (it is opt-in). */
  verifyReceiver: ReceiverTarget | undefined
  verifyTiming: CheckTiming
}

export interface VerifyReceiverSettings {
  secret: string
  url: string
  /** The main action's rotated-at output, when given: the outage is measured from it. */
  rotatedAt: Date | undefined
  timing: CheckTiming
}

export const SUBSCRIPTION_URL = 'subscription'
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 300
export const DEFAULT_CHECK_INTERVAL_SECONDS = 10
const MAX_CHECK_TIMEOUT_SECONDS = 3600
const MAX_CHECK_INTERVAL_SECONDS = 300

function readTiming(timeout: string, interval: string): CheckTiming {
  const timeoutSeconds = seconds(timeout, DEFAULT_CHECK_TIMEOUT_SECONDS, MAX_CHECK_TIMEOUT_SECONDS)
  const intervalSeconds = seconds(
    interval,
    DEFAULT_CHECK_INTERVAL_SECONDS,
    MAX_CHECK_INTERVAL_SECONDS
  )
  return { timeoutMs: timeoutSeconds * 1000, intervalMs: intervalSeconds * 1000 }
}

export function readReceiverOptions(): ReceiverOptions {
  const text = input('verify-receiver')
  const verifyReceiver: ReceiverTarget | undefined =
    text === ''
      ? undefined
      : text === SUBSCRIPTION_URL
        ? { fromSubscription: true }
        : { url: parsed('verify-receiver', () => receiverUrl(text)) }
  return {
    verifyReceiver,
    verifyTiming: readTiming('verify-timeout-seconds', 'verify-interval-seconds')
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** The verify-receiver action's inputs. The caller has masked `secret` already. */
export function readVerifyReceiverSettings(): VerifyReceiverSettings {
  refuseNearMisses(process.env, VERIFY_RECEIVER_INPUTS)
  const secret = required(
    'secret',
    ". Pass the main action's secret output (steps.<id>.outputs.secret) of the same job"
  )
  const urlText = required('url')
  const url = parsed('url', () => receiverUrl(urlText))
  const rotatedText = input('rotated-at')
  if (rotatedText !== '' && (!ISO_TIME.test(rotatedText) || isNaN(Date.parse(rotatedText)))) {
    throw new InputError(
      'rotated-at',
      `'${rotatedText}' is not an ISO 8601 time such as 2026-12-03T08:00:00.000Z (the main action's rotated-at output)`
    )
  }
  return {
    secret,
    url,
    rotatedAt: rotatedText === '' ? undefined : new Date(rotatedText),
    timing: readTiming('timeout-seconds', 'interval-seconds')
  }
}
