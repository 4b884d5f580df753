import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random string: comparing against it when the email is unknown keeps the
// response time the same as for a wrong password, so timing does not reveal which emails exist.
const UNKNOWN_USER_HASH = "$2b$10$9iGW2wyb6gMNn0v7LqrkieSxU6ovrDFwpPUnjWdDOIjrM7DIzlOIi";

export function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  return bcrypt.compare(password, hash ?? UNKNOWN_USER_HASH).then((ok) => ok && hash !== null);
}
