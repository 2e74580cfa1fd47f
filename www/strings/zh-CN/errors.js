// www/errors.js 的中文句子：由错误的 `code` 和 `field` 生成一句通俗的话。

/** 字段的通俗名称，按路径（数组下标写作 `[]`）。 */
export const FIELD_NAMES = {
  'shopper.lat': '纬度',
  'shopper.lon': '经度',
  shopper: '位置',
  'depot.lat': '仓库纬度',
  'depot.lon': '仓库经度',
  depot: '仓库',
  'orders[].lat': '某个订单的纬度',
  'orders[].lon': '某个订单的经度',
  'orders[].parcels': '某个订单的包裹数',
  lat: '纬度',
  lon: '经度',
  parcels: '包裹数',
  weight_kg: '重量',
  capacity: '每条路线的装载量',
  vehicle: '车辆',
  car: '汽车',
  grid: '电网',
  country: '国家或地区',
  stemKm: '从店铺出发的道路距离',
  'settings.lineHaul.km': '从店铺出发的道路距离',
  pickupKm: '到驿站的距离',
  'pickup.points': '驿站数量',
  pickupPoints: '驿站数量',
  roadFactor: '道路绕行系数',
  option: '配送方式',
  'packaging.items[].massKg': '包装重量',
  'packaging.items[].material': '包装材料',
  'packaging.items[].route': '包装的处置方式',
  'digital.pages': '浏览的页面数',
  'digital.bytesPerPage': '单个页面的大小',
  k: '簇的数量',
  seed: '随机种子',
  geojson: '文件',
  factors: '因子自定义值',
  digitalFactors: '数字能耗自定义值',
  offers: '配送方式列表',
};

export const factorName = (id) => `因子“${id}”`;
export const digitalName = (id) => `数值“${id}”`;

export const RANGES = {
  lat: '在 -90 到 90 之间',
  lon: '在 -180 到 180 之间',
  'settings.lineHaul.km': '在 0 到 5,000 公里之间',
};

export const WHOLE_INPUT = {
  'too-deep': '文件嵌套层级太深，无法读取。',
  'too-large': '文件太大，无法读取。',
  'too-much-work': '计算量超出了本页面的处理能力，请减少订单或点的数量。',
  overflow: '数值太大，无法计算。',
  unreadable: '无法读取这个文件。',
  'bad-file': '无法识别这个文件的格式。需要一个 CSV 文件，其标题行中有邮编（或城镇）列，或者有纬度和经度列；也可以是包含点要素的 GeoJSON 文件。',
  aborted: '计算已停止。',
  conflict: '其中一些设置不能同时使用。',
};

/** 有名称时用名称，否则说“这个值”。 */
const the = (name) => name ?? '这个值';

export const ABOUT_A_FIELD = {
  'not-finite': (name) => `${the(name)}必须是数字。`,
  'out-of-range': (name, range) => (range ? `${the(name)}必须${range}。` : `${the(name)}超出了可用范围。`),
  'not-integer': (name) => `${the(name)}必须是整数。`,
  'wrong-type': (name) => `${the(name)}的类型不正确。`,
  required: (name) => `缺少${the(name)}。`,
  'unknown-field': (name) => `${the(name)}不是计算器支持的设置。`,
  'unknown-id': (name) => (name ? `计算器无法识别这个${name}。` : '计算器无法识别这个值。'),
  'unknown-value': (name) => (name ? `计算器无法识别这个${name}。` : '计算器无法识别这个值。'),
  invalid: (name) => `${the(name)}无法使用。`,
  conflict: (name) => `${the(name)}与其他设置冲突。`,
  overflow: (name) => `${the(name)}太大，无法计算。`,
};

export const FALLBACK = '这个值无法使用。';
