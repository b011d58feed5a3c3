// Which business lines the occupational-injury scheme (职业伤害保障) covers in a province.
import type { BusinessLine } from '../model.js';
import type { InjurySchemeValue } from './schema.js';

export function schemeCovers(scheme: InjurySchemeValue, province: string, line: BusinessLine | undefined): boolean {
  const inProvince = scheme.provinces === 'all' || scheme.provinces.includes(province);
  if (!inProvince) return false;
  // No business line in the data: covered wherever the scheme reaches the province, since
  // the industries it names (ride-hailing, delivery, freight) are the platforms' typical work.
  if (line === undefined) return true;
  // 外卖 and 即时配送 are one industry from 2025-07-01 (人社部发〔2025〕24号): either listed covers both.
  if (line === 'takeaway' || line === 'instant_delivery')
    return scheme.lines.includes('takeaway') || scheme.lines.includes('instant_delivery');
  return scheme.lines.includes(line); // express (快递) and other are never listed
}
