import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseOutputFile } from '../fakes/runner.js'
import { command, outputBlock, runnerIo } from '../../src/workflow.js'

function recorder(): { write: (text: string) => void; text: () => string } {
  let text = ''
  return { write: chunk => void (text += chunk), text: () => text }
}

describe('command', () => {
  test('escapes %, CR and LF as the runner reads them', () => {
    const out = recorder()
    command(out, 'error', '100% sure\r\nsecond line')
    expect(out.text()).toBe('::error::100%25 sure%0D%0Asecond line\n')
  })
})

describe('outputBlock', () => {
  test('round-trips a multi-line value through the runner format', () => {
    const block = outputBlock('targets', 'a\nb', 'ghadelimiter_x')
    expect(block).toBe('targets<<ghadelimiter_x\na\nb\nghadelimiter_x\n')
    expect(parseOutputFile(outputBlock('secret', 'v1') + outputBlock('fingerprint', 'ab'))).toEqual(
      {
        secret: 'v1',
        fingerprint: 'ab'
      }
    )
  })

  test('refuses a value that contains its delimiter', () => {
    expect(() => outputBlock('x', 'a ghadelimiter_d b', 'ghadelimiter_d')).toThrow('delimiter')
  })
})

describe('runnerIo', () => {
  test('outputs and summary go to the runner files, masks and annotations to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'))
    const env = { GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'sum') }
    writeFileSync(env.GITHUB_OUTPUT, '')
    const out = recorder()
    const io = runnerIo(env, out)
    io.setSecret('s3cret')
    io.setOutput('secret', 's3cret')
    io.warning('careful')
    await io.writeSummary('## done')
    expect(out.text()).toBe('::add-mask::s3cret\n::warning::careful\n')
    expect(parseOutputFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'))).toEqual({ secret: 's3cret' })
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## done\n')
  })

  test('without GITHUB_OUTPUT an output is dropped, never printed', () => {
    const out = recorder()
    runnerIo({}, out).setOutput('secret', 's3cret')
    expect(out.text()).toContain("output 'secret' not recorded")
    expect(out.text()).not.toContain('s3cret')
  })
})
