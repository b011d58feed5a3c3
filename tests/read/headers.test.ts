import { describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '../../src/model.js';
import { ALIAS_TABLES, COLUMNS, WORKER_ID_ALIASES, buildAliasTable } from '../../src/read/aliases.js';
import { matchKind, normHeader, validateMap } from '../../src/read/headers.js';
import { UsageError } from '../../src/errors.js';

/** Every alias listed in data-contract.md "Kinds and columns", per kind. */
const CONTRACT_ALIASES: Record<Kind, Record<string, string[]>> = {
  orders: {
    order_id: ['订单号', '订单编号', '运单号', 'orderid'],
    worker_id: ['骑手ID', '司机ID', '配送员ID', '快递员工号', '劳动者编号', '工号', 'rider_id', 'driver_id'],
    accepted_at: ['接单时间', '派单时间', 'accept_time'],
    completed_at: ['完成时间', '送达时间', '签收时间', 'finish_time'],
    platform: ['平台', '平台企业', '所属平台'],
    employer: ['用工主体', '合作用工企业', '站点公司', '配送商'],
    region: ['区县', '所在区县', '城市', '服务区域', '行政区划代码'],
    business_line: ['业务类型', '业务线', '行业'],
    order_pay: ['订单收入', '配送费', '骑手收入', '单价', '计件收入'],
    status: ['订单状态', '状态'],
  },
  pay: {
    worker_id: ['骑手ID', '工号', 'rider_id'],
    period_start: ['结算周期开始', '工资所属期起', '开始日期'],
    period_end: ['结算周期结束', '工资所属期止', '结束日期'],
    month: ['月份', '所属月份', '工资月份', 'month', 'period'],
    gross_pay: ['应发工资', '应发金额', '劳动报酬', '税前收入'],
    platform: ['平台', '用工主体'],
    net_pay: ['实发工资', '实发金额', '到账金额'],
    pay_date: ['发放日期', '支付日期', '到账日期'],
    payment_method: ['支付方式', '发放方式'],
    payslip_provided: ['是否提供工资清单', '工资条'],
    hours_worked: ['工作时长', '在线时长(小时)'],
    overtime_pay: ['加班费'],
    holiday_pay: ['节假日加班费', '节假日补贴'],
    allowances: ['特殊津贴', '高温津贴', '夜班津贴'],
    deduction: ['扣款', '扣款金额', '罚款'],
    deduction_reason: ['扣款原因', '扣款事由', '扣款类型'],
  },
  contracts: {
    worker_id: ['司机ID', '劳动者编号'],
    contract_type: ['合同类型', '协议类型', '用工形式'],
    start_date: ['合同开始日期', '生效日期', '起始日期'],
    end_date: ['合同结束日期', '终止日期', '到期日期'],
    platform: ['平台', '用工主体', '签约主体'],
    signed_date: ['签订日期'],
    dispatch_agency: ['劳务派遣单位', '派遣公司'],
    agency_licensed: ['派遣资质', '是否具备派遣许可'],
    exclusive: ['排他条款', '是否限制多平台就业'],
    form: ['形式'],
  },
  insurance: {
    worker_id: ['配送员ID', '快递员工号'],
    insurance_type: ['险种', '保险类型'],
    start_date: ['参保日期', '生效日期', '起保日期'],
    end_date: ['停保日期', '终止日期', '失效日期'],
    platform: ['平台', '参保单位', '缴费单位'],
    status: ['参保状态', '缴费状态'],
    premium_paid: ['已缴金额', '缴费金额'],
  },
  workers: {
    worker_id: ['骑手ID', 'driver_id'],
    name: ['姓名'],
    id_number: ['身份证号', '证件号码'],
    birth_date: ['出生日期'],
    phone: ['手机号', '联系电话'],
    region: ['区县', '工作地'],
    hired_at: ['入职日期', '注册日期'],
    safety_training_at: ['安全培训日期', '岗前培训日期'],
  },
};

describe('header normal form', () => {
  it.each([
    ['Order ID', 'order_id'],
    ['ORDER_ID', 'orderid'],
    ['订单收入（元）', '订单收入'],
    ['订单收入(元)', '订单收入'],
    ['在线时长(h)', '在线时长'],
    ['ｏｒｄｅｒ－ｉｄ', 'order id'],
  ])('%j matches %j', (a, b) => expect(normHeader(a)).toBe(normHeader(b)));
});

describe('every alias of data-contract.md resolves to its canonical column', () => {
  const rows = (Object.keys(CONTRACT_ALIASES) as Kind[]).flatMap((kind) =>
    Object.entries(CONTRACT_ALIASES[kind]).flatMap(([col, aliases]) => [col, ...aliases].map((a) => [kind, a, col] as const)),
  );
  it.each(rows)('%s: %j → %s', (kind, alias, col) => {
    expect(ALIAS_TABLES[kind].get(normHeader(alias))).toBe(col);
  });
  it.each([
    ['orders', 'Order ID', 'order_id'],
    ['orders', 'worker', 'worker_id'],
    ['orders', 'Accepted At', 'accepted_at'],
    ['orders', 'start', 'accepted_at'],
    ['orders', 'end', 'completed_at'],
    ['orders', '接单时间（北京时间）', 'accepted_at'],
    ['orders', '配送费(元)', 'order_pay'],
    ['pay', '应发工资（元）', 'gross_pay'],
    ['pay', 'start', 'period_start'],
    ['contracts', 'start', 'start_date'],
    ['insurance', 'end', 'end_date'],
    ['workers', 'Worker_ID', 'worker_id'],
  ] as [Kind, string, string][])('%s: %j → %s', (kind, alias, col) => {
    expect(ALIAS_TABLES[kind].get(normHeader(alias))).toBe(col);
  });
  it('worker_id aliases apply to every kind', () => {
    for (const kind of KINDS) for (const a of WORKER_ID_ALIASES) expect(ALIAS_TABLES[kind].get(normHeader(a))).toBe('worker_id');
  });
  it('shared Chinese words mean what their kind says', () => {
    expect(ALIAS_TABLES.orders.get('用工主体')).toBe('employer');
    expect(ALIAS_TABLES.pay.get('用工主体')).toBe('platform');
    expect(ALIAS_TABLES.contracts.get('生效日期')).toBe('start_date');
    expect(ALIAS_TABLES.insurance.get('生效日期')).toBe('start_date');
    expect(ALIAS_TABLES.orders.get('状态')).toBe('status');
    expect(ALIAS_TABLES.insurance.get('状态')).toBe('status');
  });
});

describe('alias tables', () => {
  it('have no collisions within a kind', () => {
    for (const kind of KINDS) expect(() => buildAliasTable(kind)).not.toThrow();
  });
  it('detect a collision when one is introduced', () => {
    const spec = COLUMNS.orders.find((c) => c.name === 'status')!;
    spec.aliases.push('订单号');
    try {
      expect(() => buildAliasTable('orders')).toThrow(/订单号/);
    } finally {
      spec.aliases.pop();
    }
  });
});

describe('matchKind', () => {
  it('maps header positions, lists ignored columns, keeps the first of two synonyms', () => {
    const m = matchKind('contracts', ['工号', '备注', '开始日期', '合同类型', '合同开始日期', '']);
    expect(m.cols).toEqual({ worker_id: 0, start_date: 2, contract_type: 3 });
    expect(m.columns).toEqual(['worker_id', 'start_date', 'contract_type']);
    expect(m.ignored).toEqual(['备注', '合同开始日期']);
    expect(m.missing).toEqual([]);
  });
  it('a pay month column satisfies both period columns', () => {
    const m = matchKind('pay', ['骑手ID', '月份', '应发工资']);
    expect(m.missing).toEqual([]);
    expect(m.cols.month).toBe(1);
    expect(matchKind('pay', ['骑手ID', '应发工资']).missing).toEqual(['period_start', 'period_end']);
  });
  it('--map names columns whose headers are not aliases, ahead of aliases', () => {
    const header = ['单据', '人', '开始', '结束', '订单号'];
    const map = { order_id: '单据', worker_id: '人', accepted_at: '开始', completed_at: '结束' };
    const m = matchKind('orders', header, map);
    expect(m.cols).toEqual({ order_id: 0, worker_id: 1, accepted_at: 2, completed_at: 3 });
    expect(m.ignored).toEqual(['订单号']);
    // mapped header names are matched in normal form too
    expect(matchKind('orders', ['Dan Ju'], { order_id: 'dan_ju' }).cols.order_id).toBe(0);
  });
  it('validateMap refuses unknown canonical columns', () => {
    expect(() => validateMap({ order_identifier: 'x' })).toThrow(UsageError);
    expect(() => validateMap({ order_id: '' })).toThrow(/needs a header/);
    expect(() => validateMap({ order_id: 'x', month: 'y' })).not.toThrow();
  });
});
