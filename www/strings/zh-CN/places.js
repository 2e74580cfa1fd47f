// 地点搜索（places.js、place-field.js）中读者看到的文字，简体中文。与 en-GB/places.js 导出相同。
// Numbers go through Intl in this language; countries are given as ISO codes and named through Intl.DisplayNames.

export const lang = 'zh-CN';

const n2 = (v) => new Intl.NumberFormat(lang, { maximumSignificantDigits: 2 }).format(v);

const country = (code) => new Intl.DisplayNames([lang], { type: 'region' }).of(code);

/** The parts of the UK, by GeoNames admin code. */
export const UK_PARTS = { ENG: '英格兰', SCT: '苏格兰', WLS: '威尔士', NIR: '北爱尔兰' };

/** ["纽卡斯尔", "南非"] → "纽卡斯尔（南非）". */
export const label = ([name, ...rest]) => (rest.length ? `${name}（${rest.join('，')}）` : name);

export const precision = {
  postcodeDistrict: (km) => `定位于邮编区中心，误差约${n2(km)}公里`,
  postcodeTown: (town) => `${town}的邮编，定位于当地中心`,
  postcodeArea: '定位于邮编区域中心',
  town: '定位于城镇中心',
  device: (metres) => `来自您的设备，误差约${metres < 1000 ? `${n2(metres)}米` : `${n2(metres / 1000)}公里`}`,
};

/** "送至北京（中国），定位于城镇中心。": the place's label already has brackets, so the precision follows a comma. */
export const placeLine = (prefix, name, precisionText) => `${prefix}${name}${precisionText ? `，${precisionText}` : ''}。`;

export const YOUR_LOCATION = '您的位置';
export const LOCATING = '正在定位……';

export const POSTCODE_EXAMPLES = { CN: '100010', JP: '100-0001', GB: 'LS6 1AN 或 LS6', US: '10001', DE: '80331', FR: '75001' };

export const problems = {
  districtUnknown: (outward) => `英国邮编列表中没有邮编区 ${outward}。请核对，或输入城镇名称。`,
  postcodeUnknown: (code, where) => `${country(where)}的邮编列表中没有 ${code}。请核对，或输入城镇名称。`,
  noPostcodeTable: (where) => `无法离线查询${country(where)}的邮编：没有找到公开的邮编位置数据。请改为输入城镇名称。`,
  noTown: (text, example) => `没有找到名为“${text}”的城镇。${example ? `请输入邮编（例如：${example}），或换一种写法。` : '请换一种写法。'}`,
  /** A postcode of other countries, not of the merchant's ("10115" on a British page). */
  otherPostcode: (text, where, others) =>
    `“${text}”不是${country(where)}的邮编，但格式与${new Intl.ListFormat(lang, { type: 'disjunction' }).format(others.map(country))}的邮编相同。如需使用，请在页面顶部的“国家/地区”菜单中选择该国家。`,
  closeMatch: (text, places) => `没有找到名为“${text}”的城镇。您要找的是${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}吗？`,
  districtClose: (outward, districts) =>
    `${outward} 不是完整的邮编区。您要找的是${new Intl.ListFormat(lang, { type: 'disjunction' }).format(districts)}吗？也可以输入完整邮编。`,
  elsewhere: (text, where, places) =>
    `在${country(where)}没有找到“${text}”。您要找的是${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}吗？如需送往该地，请从列表中选择。`,
  noRoad: (from, to, place) => `无法从${country(from)}经公路送达${place ?? country(to)}。`,
  loadFailed: '地点列表加载失败。请检查网络连接，或在“高级”中直接输入坐标。',
  noGeolocation: '此浏览器无法向页面提供您的位置。请改为输入邮编或城镇名称。',
  geolocationDenied: '页面未获准使用您的位置。请改为输入邮编或城镇名称。',
  geolocationFailed: '无法获取您的位置。请改为输入邮编或城镇名称。',
};

/** 每个地点数据来源（places.js 的 PLACE_SOURCES，按 id）为搜索提供的内容，供“来源”页使用。 */
export const SOURCE_COVERS = {
  geonames: '各国城镇，含当地文字与拉丁字母名称；德国、法国、日本邮编的位置',
  nspl: '英国邮编区',
  'census-zcta': '美国 ZIP 邮编',
  'osm-plz': '德国邮编（PLZ）及其对应地点',
  'japan-post': '日本邮编（郵便番号）及其所属市区町村',
  'china-region': '中国邮政编码及其所属区县',
  etalab: '法国邮编（codes postaux）及其对应市镇',
};
export const SOURCES_HEADING = '地点搜索（邮编与城镇，离线）';
