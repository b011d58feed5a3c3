// PRC resident identity numbers (GB 11643-1999): 17 digits (6 region, 8 birth date,
// 3 sequence) and a mod-11 check character that may be X.

import { dayFromCivil, isValidCivil } from '../time.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character an ID's first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export interface ResidentId {
  id: string; // upper-case X
  birthDay: number;
}

/** Validates an 18-character resident ID (digits, check character, real birth date). */
export function parseResidentId(raw: string): ResidentId | undefined {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  if (idCheckChar(id) !== id[17]) return undefined;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isValidCivil(y, m, d)) return undefined;
  return { id, birthDay: dayFromCivil(y, m, d) };
}

/** Why an ID is invalid, for the rejection reason. */
export function explainResidentId(raw: string): string {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return `invalid resident ID number (need 18 characters: 17 digits and a digit or X)`;
  if (idCheckChar(id) !== id[17]) return `invalid resident ID number (check digit does not match)`;
  return `invalid resident ID number (birth date ${id.slice(6, 14)} is not a valid date)`;
}
