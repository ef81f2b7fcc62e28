/**
 * What every mistake in the environment or in one of the admins' files throws: the variable or the file, the place
 * and what is expected, in one Chinese line. The entry points print that line and exit, without a stack.
 */
export class ConfigError extends Error {}
