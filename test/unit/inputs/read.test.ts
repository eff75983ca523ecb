import { describe, expect, test } from '@jest/globals'
import {
  InputError,
  InputErrors,
  InputReader,
  boolean,
  input,
  parsed,
  required
} from '../../../src/inputs/read.js'
import { thrown, withInputs } from './with-inputs.js'

describe('InputError', () => {
  test('names the input, or another kind of setting', () => {
    expect(new InputError('api-key', 'is wrong').message).toBe("Input 'api-key': is wrong")
    expect(new InputError('X', 'is wrong', 'Environment variable').message).toBe(
      "Environment variable 'X': is wrong"
    )
    expect(new InputError('a', 'b').name).toBe('InputError')
  })
})

describe('input, required, boolean, parsed', () => {
  test('an input is read from INPUT_<NAME>, upper-cased, spaces to _, trimmed', () => {
    withInputs({ 'my input': '  value \n', 'other-one': 'x' }, () => {
      expect(process.env['INPUT_MY_INPUT']).toBe('  value \n')
      expect(input('my input')).toBe('value')
      expect(input('other-one')).toBe('x')
      expect(input('absent')).toBe('')
    })
  })

  test('required: an empty value fails with the reason appended', () => {
    withInputs({ blank: '  ' }, () => {
      expect(thrown(() => required('blank', '. Why')).message).toBe(
        "Input 'blank': is required and was empty. Why"
      )
    })
  })

  test('boolean: empty takes the fallback; a bad value names itself', () => {
    withInputs({ flag: 'nope' }, () => {
      expect(boolean('absent', true)).toBe(true)
      expect(boolean('absent', false)).toBe(false)
      expect(thrown(() => boolean('flag', true)).message).toBe(
        "Input 'flag': 'nope' is not a boolean; use true or false"
      )
    })
  })

  test("parsed: a parser's error becomes the input's", () => {
    expect(parsed('x', () => 42)).toBe(42)
    const error = thrown(() =>
      parsed('targets', () => {
        throw new Error('line 1: bad')
      })
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe("Input 'targets': line 1: bad")
  })
})

describe('InputReader', () => {
  const refuse = (name: string) => (): never => {
    throw new InputError(name, 'is wrong')
  }

  test('every reader runs; all refusals come together, one line each, in order', () => {
    const inputs = new InputReader()
    const values = {
      a: inputs.read(refuse('a')),
      b: inputs.read(() => 2),
      c: inputs.read(refuse('c'))
    }
    expect(values.b).toBe(2)
    const error = thrown(() => inputs.settled(values))
    expect(error).toBeInstanceOf(InputErrors)
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe("Input 'a': is wrong\nInput 'c': is wrong")
    expect((error as InputErrors).errors.map(e => e.message)).toEqual([
      "Input 'a': is wrong",
      "Input 'c': is wrong"
    ])
  })

  test('one refusal is thrown as it is; none gives the values', () => {
    const one = new InputReader()
    const only = new InputError('x', 'is wrong')
    one.read(() => {
      throw only
    })
    expect(thrown(() => one.settled({}))).toBe(only)
    const none = new InputReader()
    expect(none.settled({ a: none.read(() => 1) })).toEqual({ a: 1 })
  })

  test('an error that is not an InputError is a bug: thrown at once', () => {
    const inputs = new InputReader()
    expect(() =>
      inputs.read(() => {
        throw new TypeError('bug')
      })
    ).toThrow(TypeError)
  })
})
