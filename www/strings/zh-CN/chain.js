// 配送链的中文表述：../en-GB/chain.js 的译本，导出相同（形状即约定：tests/page/i18n.test.mjs 会检查）。
// 所有数字都经由 ./numbers.js（Intl，zh-CN，单位写成汉字：克、千克、公里）。
import { n } from './numbers.js';

export const lang = 'zh-CN';
export { n };
const { sig, km, grams, percent } = n;
const percentRange = (range) => n.percentRange(range, (a, b) => `${a}至${b}`);

/** 结账时的配送选项，按 id。 */
export const OPTION_LABELS = {
  sameDayCourier: '当日达',
  nextDay: '次日达',
  standard: '标准快递',
  consolidated: '固定日配送',
  pickupWalk: '驿站自提（步行）',
  pickupCar: '驿站自提（驾车）',
  locker: '快递柜',
  cargoBike: '货运自行车',
};

/** 商家的方案，按 id。 */
export const SCENARIO_LABELS = {
  dedicated: '当日达专送（单独派车）',
  consolidated: '自营合并配送',
  pickup: '自营配送到驿站',
  cargoBike: '从微仓出发的货运自行车',
  standard: '快递公司标准配送',
  nextDay: '快递公司次日达',
};

/** 配送链环节（EN 17837 / ISO 14083），按 id。 */
export const ELEMENT_LABELS = {
  'line-haul': '干线运输（卡车运到本地网点）',
  hub: '网点、分拨中心和快递柜',
  'delivery-round': '末端派送',
  redelivery: '二次派送',
  'customer-trip': '顾客自行往返',
  packaging: '包装',
};

/** 结果未计入的部分及原因，按 id。 */
export const EXCLUDED_LABELS = {
  'vehicle-manufacture': '车辆制造',
  warehousing: '商家仓储',
  'first-mile-collection': '快递员上门揽收',
  returns: '退货',
  packaging: '包装',
};
export const REASON_LABELS = {
  'outside-iso-14083': 'ISO 14083 只计运营，不计制造',
  'before-dispatch': '发生在发货之前',
  'shared-by-all-the-merchants-parcels': '由店铺所有包裹分摊，摊到每件很少',
  'not-modelled': '尚未建模',
  'counted-in-the-order-footprint': '改为计入整笔订单的碳足迹',
};

/** 功能单位。 */
export const FUNCTIONAL_UNITS = {
  'parcel-delivered': '每件送到顾客家门口、驿站或快递柜的包裹',
  'orders-delivered': '这些订单（按一天的派送路线送达）',
};

/** 一句话说明结果的核算边界。 */
export function boundarySentence(boundary) {
  const included = boundary.included.map((e) => ELEMENT_LABELS[e]).join('、');
  const excluded = boundary.excluded.map((x) => `${EXCLUDED_LABELS[x.element] ?? x.element}（${REASON_LABELS[x.reason] ?? x.reason}）`);
  return `按${FUNCTIONAL_UNITS[boundary.functionalUnit]}计算，分摊到每件包裹（EN 17837）。计入：${included}。未计入：${excluded.join('；')}。`;
}

/** 各项设定的简称，用于表格和龙卷风图。 */
export const SETTING_NAMES = {
  roadFactor: '道路里程与直线距离之比',
  vanFactor: '货车车型排放系数',
  'bike.foodKgPerKm': '货运自行车骑手额外消耗的食物',
  'lineHaul.km': '卡车从店铺出发的里程',
  'lineHaul.detourKm': '经快递分拨中心绕行的里程',
  'parcel.kg': '包裹重量',
  'hub.kwhPerParcel': '每个网点分摊到每件包裹的用电',
  'round.stemKm': '网点到派送区域（单程）',
  'round.parcels': '一条派送路线的包裹数',
  'round.km': '派送区域内行驶的公里数',
  'consolidated.fill': '固定日配送的满载倍数',
  'sameDay.parcelsPerRun': '当日达快递员每趟的包裹数',
  'sameDay.stemKm': '当日达站点到您所在区域',
  'pickup.parcelsPerStop': '每个驿站每次收到的包裹数',
  'pickup.km': '到驿站的距离',
  'pickup.carShare': '开车去驿站的顾客比例',
  'locker.parcelsPerStop': '每组快递柜每次投放的包裹数',
  'locker.km': '到快递柜的距离',
  'locker.carShare': '开车去快递柜的顾客比例',
  'locker.kwhPerParcel': '快递柜分摊到每件包裹的用电',
  'customerTrip.chainedShare': '顺路取件的出行比例',
  'cargoBike.bikeableShare': '可用货运自行车运送的包裹比例',
  'failures.rate': '首次派送失败率',
  'failures.collectShare': '派送失败后顾客立即自取的比例',
  'failures.collectKm': '到快递网点的路程',
  'failures.collectCarShare': '开车取件的比例',
  'failures.collectionPointShare': '在附近代收点取件的比例',
  'grid.uplift': '电网因子换算到全生命周期边界的系数',
  'van.countryFactor': '本地货车相对英国货车的排放倍数',
  'car.countryFactor': '本地汽车相对英国汽车的排放倍数',
};

const share = (v) => percent(100 * v);

/** 每项设定写成一句话，用于“假设”列表。 */
export const SETTING_SENTENCES = {
  roadFactor: (v) => `道路里程是直线距离的${sig(v)}倍。`,
  vanFactor: (v) => (n.nearOne(v) ? '派送货车每公里的排放与平均货车大致相同。' : `派送货车每公里的排放是平均货车的${sig(v)}倍。`),
  'bike.foodKgPerKm': (v) => `货运自行车骑手额外消耗的食物，每公里相当于${grams(v * 1000)}二氧化碳当量。`,
  'lineHaul.km': (v) => `卡车把包裹从店铺运到快递公司的本地网点，行驶${km(v)}。`,
  'lineHaul.detourKm': (v) => `途经快递分拨中心，卡车要多行驶${km(v)}。`,
  'parcel.kg': (v) => `包裹重${sig(v)}千克。`,
  'hub.kwhPerParcel': (v) => `每个网点或分拨中心处理每件包裹耗电${sig(v)}千瓦时。`,
  'round.stemKm': (v) => `派送货车从网点到派送区域单程${km(v)}。`,
  'round.parcels': (v) => `一条派送路线共送${sig(v)}件包裹。`,
  'round.km': (v) => `一条派送路线在各投递点之间共行驶${km(v)}。`,
  'consolidated.fill': (v) => `固定日配送使路线装载量提高到${sig(v)}倍。`,
  'sameDay.parcelsPerRun': (v) => `当日达快递员每趟送${sig(v)}件包裹。`,
  'sameDay.stemKm': (v) => `当日达站点距您所在区域${km(v)}。`,
  'pickup.parcelsPerStop': (v) => `每个驿站每次收${sig(v)}件包裹。`,
  'pickup.km': (v) => `最近的驿站离您${km(v)}（单程）。`,
  'pickup.carShare': (v) => `${share(v)}的顾客开车去驿站取件。`,
  'locker.parcelsPerStop': (v) => `每组快递柜每次投放${sig(v)}件包裹。`,
  'locker.km': (v) => `最近的快递柜离您${km(v)}（单程）。`,
  'locker.carShare': (v) => `${share(v)}的顾客开车去快递柜取件。`,
  'locker.kwhPerParcel': (v) => `快递柜每件包裹耗电${sig(v)}千瓦时。`,
  'customerTrip.chainedShare': (v) => `${share(v)}的取件出行是顺路的，不额外增加里程。`,
  'cargoBike.bikeableShare': (v) => `${share(v)}的包裹能用货运自行车运送。`,
  'failures.rate': (v) => `${share(v)}的首次派送会失败。`,
  'failures.collectShare': (v) => `派送失败的包裹中，${share(v)}由顾客立即自取。`,
  'failures.collectKm': (v) => `快递网点离顾客${km(v)}（单程）。`,
  'failures.collectCarShare': (v) => `${share(v)}的取件出行是开车去的。`,
  'failures.collectionPointShare': (v) => `${share(v)}的取件在附近的代收点完成。`,
  'grid.uplift': (v) => `该国家/地区公布的电网排放因子乘以${sig(v)}，以计入输配电损耗和燃料供应环节。`,
  'van.countryFactor': (v) =>
    n.nearOne(v) ? '这里的快递货车每公里排放与英国平均货车大致相同。' : `这里的快递货车每公里排放是英国平均货车的${sig(v)}倍。`,
  'car.countryFactor': (v) =>
    n.nearOne(v) ? '这里的汽车每公里排放与英国平均汽车大致相同。' : `这里的汽车每公里排放是英国平均汽车的${sig(v)}倍。`,
};

/** 结果中某项设定的中心值，没有则为 `undefined`。 */
const setting = (result, id) => result.settings.find((s) => s.id === id)?.value;

/** 某个选项中名为 `name` 的各段（可限定环节）的公里数。 */
const legKm = (option, name, element) =>
  option.legs.filter((l) => l.name === name && (!element || l.element === element)).reduce((a, l) => a + l.km, 0);

/** 干线运输的半句话，或空。 */
function lineHaul(option, result) {
  const leg = option.legs.find((l) => l.element === 'line-haul');
  if (!leg || !(leg.tonneKm > 0)) return '';
  const kg = setting(result, 'parcel.kg') ?? 2;
  return `卡车先把包裹运到快递公司本地网点（${km((leg.tonneKm * 1000) / kg)}），然后`;
}

/** 送货上门时计入的派送失败。 */
function failureNote(option, result) {
  const rate = setting(result, 'failures.rate');
  if (!(rate > 0) || !option.legs.some((l) => l.element === 'redelivery' || l.name === 'collection')) return '';
  return `已计入${share(rate)}的首次派送失败：需要再派送一次，或由顾客自行取件。`;
}

/** 每个选项一句话：由结果中的各段和设定说明包裹怎么送。`short` 时只说这个选项的特点（不含干线和派送失败），用于组件各行。 */
export function optionExplanation(option, result, { short = false } = {}) {
  const start = short ? '' : lineHaul(option, result);
  const van = km(legKm(option, 'vans', 'delivery-round'));
  const sentences = {
    sameDayCourier: () =>
      `快递员从附近站点开车送货，同车还有${sig((setting(result, 'sameDay.parcelsPerRun') ?? 5) - 1)}件包裹：您这件分摊${km(legKm(option, 'courier'))}。`,
    nextDay: () => '次日达走快递公司的常规网络，排放与标准快递相同。',
    standard: () => `一条派送路线共送${sig(setting(result, 'round.parcels'))}件包裹，您这件分摊货车行驶${van}。`,
    consolidated: () => `固定日配送时货车装得更满（${sig(setting(result, 'consolidated.fill'))}倍）：您这件分摊货车行驶${van}。`,
    pickupWalk: () =>
      `货车给每个驿站送${sig(setting(result, 'pickup.parcelsPerStop'))}件包裹（您这件分摊${van}）；步行去取件不产生排放。`,
    pickupCar: () =>
      `货车把包裹送到驿站（您这件分摊${van}），您开车往返${km(legKm(option, 'car'))}，顺路取件的行程不计。`,
    locker: () =>
      `货车把包裹投进快递柜（您这件分摊${van}）；快递柜需要用电，且有${share(setting(result, 'locker.carShare') ?? 0)}的顾客开车去取。`,
    cargoBike: () => {
      const bikeable = setting(result, 'cargoBike.bikeableShare') ?? 1;
      const last = km(legKm(option, 'bikes', 'delivery-round') / (bikeable || 1));
      if (bikeable <= 0) return '包裹太大，货运自行车装不下，改由快递货车派送。';
      if (bikeable >= 1) return `货车先把包裹送到微仓，最后${last}由货运自行车送达。`;
      return `${share(bikeable)}的包裹能用货运自行车送：货车先送到微仓，最后${last}由货运自行车送达；其余仍由货车派送。`;
    },
  };
  const text = sentences[option.id]?.() ?? '';
  // Next-day is said in one sentence of its own (as in en-GB): no line-haul before it.
  return (option.id === 'nextDay' ? '' : start) + text + (short ? '' : failureNote(option, result));
}

/** 与基准相比的减排，区间跨过零时为“无明显差别”。 */
export function savingText(option, baselineLabel) {
  if (option.savingPercent == null) return '';
  if (!option.savingClear) return `与${baselineLabel}无明显差别`;
  const p = option.savingPercent;
  const r = option.savingRange;
  const range = r ? `（${percentRange(p >= 0 ? r : { low: -r.high, high: -r.low })}）` : '';
  return p >= 0 ? `比${baselineLabel}少${percent(p)}${range}` : `比${baselineLabel}多${percent(-p)}${range}`;
}

/** 基准选项在“减排”位置显示的文字。 */
export const BASELINE_TEXT = '常规服务（基准）';

/** 结果用到的一项设定，写成一句话；没有句子的写成“名称：数值 单位。”。 */
export const settingSentence = (s) => SETTING_SENTENCES[s.id]?.(s.value) ?? `${SETTING_NAMES[s.id] ?? s.id}：${sig(s.value)} ${s.unit}。`;

/** 组件（www/green-delivery-options.js）的文字。 */
export const WIDGET_TEXT = {
  title: '各配送方式每件包裹的碳排放（CO₂e）',
  greenest: '最低碳',
  retry: '重试',
  loading: '加载中……',
  loadFailed: '配送碳排放数据加载失败。',
  cantShow: '抱歉，无法显示配送碳排放。',
  whatIsCounted: '计入范围',
  amongLowest: '排放最低之一',
  details: '详情',
  optionSentence: (name, figure, range, badge) =>
    `${name}：${figure}${range ? `，介于${range[0]}至${range[1]}之间` : ''}${badge ? `，${badge}` : ''}。`,
};

export const WHAT_IS_COUNTED = '计入范围';
export const medianNote = (coverage) => `每个数值都是对各项设定多次随机抽样后的中位数；区间涵盖其中${percent(100 * coverage)}的结果。`;

/** 区间的覆盖率：“90%区间”。 */
export const coverageText = (range) => `${percent(100 * range.coverage)}区间`;
