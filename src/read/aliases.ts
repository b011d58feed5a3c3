// Header aliases per kind, from data-contract.md "Kinds and columns" plus common English
// and Chinese variants seen in platform exports. Tables are per kind because the same
// Chinese word names different columns in different files (生效日期 starts a contract in
// one and an insurance enrolment in another; 用工主体 is the employer on an order but the
// paying platform on a pay sheet). Within one kind every alias names exactly one column;
// buildAliasTable enforces that.

import type { Kind } from '../model.js';
import { normKey } from '../normalise/text.js';

export interface ColumnSpec {
  name: string;
  required: boolean;
  aliases: string[];
}

export const WORKER_ID_ALIASES = [
  'worker', 'worker id', 'workerid', 'worker no', 'worker code',
  '骑手ID', '司机ID', '配送员ID', '快递员工号', '劳动者编号', '工号', '人员编号',
  'rider_id', 'rider', 'driver_id', 'driver', 'courier_id', 'courier', 'employee_id', 'staff_id',
  '骑手编号', '骑手工号', '司机编号', '司机工号', '配送员编号', '配送员工号', '快递员ID', '快递员编号',
  '劳动者ID', '人员ID', '员工编号', '员工工号', '员工ID', '劳动者工号',
];

const PLATFORM_BASE = ['平台', '平台企业', '所属平台', '平台名称'];

/** `month` replaces both period columns of a pay sheet; it is not a column of the model. */
export const PAY_MONTH_ALIASES = ['period', '月份', '所属月份', '工资月份', '结算月份', '工资所属月份', 'pay month', 'salary month', '所属期'];

const worker: ColumnSpec = { name: 'worker_id', required: true, aliases: WORKER_ID_ALIASES };
const req = (name: string, aliases: string[]): ColumnSpec => ({ name, required: true, aliases });
const opt = (name: string, aliases: string[]): ColumnSpec => ({ name, required: false, aliases });

export const COLUMNS: Record<Kind, ColumnSpec[]> = {
  orders: [
    req('order_id', ['订单号', '订单编号', '运单号', 'orderid', 'order id', 'order no', 'order number', '订单ID', '运单编号', '单号', 'waybill no', 'trip id', '行程单号', '行程ID']),
    worker,
    req('accepted_at', [
      '接单时间', '派单时间', 'accept_time', 'accepted', 'accept time', 'accepted time', 'accept at', 'start', 'start time',
      'started at', 'start at', 'begin time', '开始时间', '抢单时间', '接单', 'dispatched at', 'dispatch time',
    ]),
    req('completed_at', [
      '完成时间', '送达时间', '签收时间', 'finish_time', 'completed', 'complete time', 'completion time', 'finished at',
      'finish at', 'end', 'end time', 'ended at', 'end at', '结束时间', 'delivered at', 'delivery time', '完单时间',
    ]),
    opt('platform', PLATFORM_BASE),
    opt('employer', ['用工主体', '合作用工企业', '站点公司', '配送商', '合作商', '代理商', 'employer name', 'agency']),
    opt('region', ['区县', '所在区县', '城市', '服务区域', '行政区划代码', 'district', 'city', 'area', 'region code', '地区', '区域', '工作地']),
    opt('business_line', ['业务类型', '业务线', '行业', 'business', 'line of business', 'service type', '服务类型']),
    opt('order_pay', [
      '订单收入', '配送费', '骑手收入', '单价', '计件收入', 'pay', 'income', 'earnings', 'order income', 'delivery fee',
      'rider income', 'driver income', 'piece rate', '司机收入', '收入', '订单报酬',
    ]),
    opt('status', ['订单状态', '状态', 'order status']),
  ],
  pay: [
    worker,
    req('period_start', ['结算周期开始', '工资所属期起', '开始日期', 'period from', 'period begin', 'start', 'start date', 'from', '结算开始日期', '周期开始', '所属期起', '起始日期']),
    req('period_end', ['结算周期结束', '工资所属期止', '结束日期', 'period to', 'end', 'end date', 'to', '结算结束日期', '周期结束', '所属期止', '截止日期']),
    req('gross_pay', ['应发工资', '应发金额', '劳动报酬', '税前收入', 'gross', 'gross amount', 'gross income', '应发', '应发合计', '税前工资', '报酬总额']),
    opt('platform', [...PLATFORM_BASE, '用工主体', 'employer', '发放单位', '支付主体']),
    opt('net_pay', ['实发工资', '实发金额', '到账金额', 'net', 'net amount', 'take home', '实发', '实发合计', '实付金额']),
    opt('pay_date', ['发放日期', '支付日期', '到账日期', 'paid at', 'paid on', 'payment date', 'paid date', '发薪日期', '发放时间', '支付时间', '到账时间']),
    opt('payment_method', ['支付方式', '发放方式', 'pay method', 'method', '付款方式', '发薪方式']),
    opt('payslip_provided', ['是否提供工资清单', '工资条', 'payslip', '工资清单', '是否提供工资条', '提供工资条']),
    opt('hours_worked', ['工作时长', '在线时长', 'hours', 'work hours', 'working hours', 'online hours', '工时', '工作小时数', '在线小时数']),
    opt('overtime_pay', ['加班费', 'overtime', '加班工资']),
    opt('holiday_pay', ['节假日加班费', '节假日补贴', 'holiday', 'holiday allowance', '法定节假日加班费', '节假日加班工资']),
    opt('allowances', ['特殊津贴', '高温津贴', '夜班津贴', 'allowance', '津贴', '津贴补贴', '补贴', '特殊工作津贴']),
    opt('deduction', ['扣款', '扣款金额', '罚款', 'deductions', 'deducted', '扣除金额', '扣减金额', '代扣金额']),
    opt('deduction_reason', ['扣款原因', '扣款事由', '扣款类型', 'reason', 'deduction type', '扣款说明', '扣款项目']),
  ],
  contracts: [
    worker,
    req('contract_type', ['合同类型', '协议类型', '用工形式', 'agreement type', 'contract kind', '合同种类', '协议种类', '用工类型']),
    req('start_date', ['合同开始日期', '生效日期', '起始日期', 'start', 'from', 'effective date', 'effective from', 'contract start', '开始日期', '合同起始日期', '合同生效日期', '签约开始日期']),
    opt('end_date', ['合同结束日期', '终止日期', '到期日期', 'end', 'to', 'expiry date', 'expires', 'contract end', '结束日期', '合同终止日期', '合同到期日期']),
    opt('platform', [...PLATFORM_BASE, '用工主体', '签约主体', '签约单位', '用人单位', 'employer', 'signing party', 'party']),
    opt('signed_date', ['签订日期', 'signed at', 'signed on', 'sign date', 'signed', '签署日期', '签约日期']),
    opt('dispatch_agency', ['劳务派遣单位', '派遣公司', '派遣单位', 'agency', 'dispatch company']),
    opt('agency_licensed', ['派遣资质', '是否具备派遣许可', 'licensed', 'agency license', '劳务派遣许可', '派遣许可']),
    opt('exclusive', ['排他条款', '是否限制多平台就业', 'exclusivity', 'exclusive clause', '排他', '竞业限制']),
    opt('form', ['形式', 'contract form', '合同形式', '签订形式', '协议形式']),
  ],
  insurance: [
    worker,
    req('insurance_type', ['险种', '保险类型', 'insurance', 'type of insurance', 'coverage', '保险险种', '保障类型']),
    req('start_date', ['参保日期', '生效日期', '起保日期', 'start', 'from', 'effective date', 'insured from', '开始日期', '参保开始日期', '投保日期']),
    opt('end_date', ['停保日期', '终止日期', '失效日期', 'end', 'to', 'insured to', '结束日期', '参保结束日期', '到期日期']),
    opt('platform', [...PLATFORM_BASE, '参保单位', '缴费单位', 'insured by', 'payer', '投保单位', '投保人']),
    opt('status', ['参保状态', '缴费状态', '状态', 'insurance status']),
    opt('premium_paid', ['已缴金额', '缴费金额', 'premium', 'amount paid', '保费', '缴费额']),
  ],
  workers: [
    worker,
    opt('name', ['姓名', 'full name', 'worker name', '骑手姓名', '司机姓名', '名字']),
    opt('id_number', ['身份证号', '证件号码', 'id no', 'id card', 'id card number', 'national id', '身份证号码', '身份证', '证件号']),
    opt('birth_date', ['出生日期', 'birthday', 'date of birth', 'dob', '生日']),
    opt('phone', ['手机号', '联系电话', 'mobile', 'phone number', 'tel', '手机号码', '电话', '手机']),
    opt('region', ['区县', '工作地', 'city', 'district', 'area', '城市', '所在区县', '工作区域', '服务区域', '工作城市']),
    opt('hired_at', ['入职日期', '注册日期', 'hire date', 'hired', 'joined at', 'registered at', 'onboarded at', '入职时间', '注册时间']),
    opt('safety_training_at', ['安全培训日期', '岗前培训日期', 'safety training', 'safety training date', 'training date', '培训日期', '安全培训时间']),
  ],
};

/** The column named `month` a pay sheet may carry instead of period_start/period_end. */
export const PAY_MONTH: ColumnSpec = { name: 'month', required: false, aliases: PAY_MONTH_ALIASES };

/** Columns per kind including pay's `month`, which is matched like any other column. */
export function columnsOf(kind: Kind): ColumnSpec[] {
  return kind === 'pay' ? [...COLUMNS.pay, PAY_MONTH] : COLUMNS[kind];
}

/** Every canonical name a --map file may use. */
export const ALL_COLUMN_NAMES: ReadonlySet<string> = new Set(
  (Object.keys(COLUMNS) as Kind[]).flatMap((k) => columnsOf(k).map((c) => c.name)),
);

/** Normalised header name -> canonical column, for one kind. Throws on a collision. */
export function buildAliasTable(kind: Kind): Map<string, string> {
  const table = new Map<string, string>();
  for (const spec of columnsOf(kind)) {
    for (const a of [spec.name, ...spec.aliases]) {
      const key = normKey(a);
      const prev = table.get(key);
      if (prev !== undefined && prev !== spec.name) {
        throw new Error(`alias ${a} of ${kind}.${spec.name} already names ${kind}.${prev}`);
      }
      table.set(key, spec.name);
    }
  }
  return table;
}

export const ALIAS_TABLES: Record<Kind, Map<string, string>> = {
  orders: buildAliasTable('orders'),
  pay: buildAliasTable('pay'),
  contracts: buildAliasTable('contracts'),
  insurance: buildAliasTable('insurance'),
  workers: buildAliasTable('workers'),
};
