/**
 * Passwords (and the words under them) that appear at the top of every leaked-password list, plus the ones people
 * in a Chinese office reach for first. Kept short on purpose: the class rule already refuses most weak passwords;
 * this list catches the ones that satisfy it by habit (`Password1`, `P@ssw0rd`, `Qwerty123`).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  '12345678', '123456789', '1234567890', '12345678a', 'a12345678', '1234qwer', 'qwer1234', 'abcd1234', '1234abcd',
  'qwerty', 'qwerty12', 'qwerty123', 'qwertyuiop', 'asdf1234', 'asdfghjkl', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t',
  'zaq12wsx', 'iloveyou', 'woaini1314', '5201314', 'a1b2c3d4', 'aa123456', 'abc12345', 'abc123456', 'admin123',
  'admin@123', 'administrator', 'welcome1', 'letmein', 'changeme', '11111111', '88888888', '66666666', '00000000',
  '123123123', '147258369', '987654321',
]);

/**
 * The words that stay weak whatever is bolted on: `Password2026!` is `password` with a year and a symbol, and a
 * guesser tries exactly that first.
 */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  'password', 'passwd', 'qwerty', 'qwer', 'asdf', 'asdfgh', 'zxcvbn', 'abc', 'abcd', 'iloveyou', 'woaini', 'admin',
  'administrator', 'welcome', 'letmein', 'changeme',
];
