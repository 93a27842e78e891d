/** What the server asks of a new password (length in UTF-16 units, as it counts), checked before sending. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch' | null;

export const passwordProblem = (password: string, repeated: string): PasswordProblem => {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  return password === repeated ? null : 'mismatch';
};
