// This action's version, as package.json says (test/unit/version.test.ts keeps them in step):
// receivers see it in the receiver check's user-agent.
export const VERSION = '1.0.0'
