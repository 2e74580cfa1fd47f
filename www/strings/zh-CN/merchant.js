// 商家视图的文字（简体中文）。与 en-GB/merchant.js 导出相同；数字经 `n` 按中文格式书写（千克、公里）。
import { n } from './numbers.js';

export const lang = 'zh-CN';

export const HTML = {
  'merchant.title': '分析您的订单',
  'merchant.intro':
    '载入订单的收货地点，看看把它们合并成配送路线、送到驿站或改用货运自行车配送，能省下多少行驶里程、能耗和排放。文件只在您的浏览器里读取，不会上传。',
  'merchant.file': '订单文件（CSV：含邮编、城镇或经纬度；或 GeoJSON 点数据）',
  'merchant.dropBefore': '……也可以把文件拖到这里，或者',
  'merchant.sample': '载入示例城市',
  'merchant.dropAfter': '（伦敦东部的 3,000 个订单）。',
  'merchant.columns': '文件中的列',
  'merchant.columnsHint':
    '已按常见列名自动识别（如 Shopify、WooCommerce 和 Etsy 的订单导出文件，以及“postcode”、“latitude”等）；识别有误的请手动更正。除非您选择了包裹数列，每个订单按一件包裹计算：商品数量不等于包裹数。',
  'merchant.colPostcode': '邮编',
  'merchant.colLat': '纬度',
  'merchant.colLon': '经度',
  'merchant.colTown': '城镇（用于没有邮编的行）',
  'merchant.colCountry': '国家（留空则按网店所在国家）',
  'merchant.colParcels': '每个订单的包裹数',
  'merchant.colId': '订单号（订单号相同的行算作同一个订单）',
  'merchant.depot': '您的仓库',
  'merchant.settings': '设置',
  'merchant.depotPlace': '仓库邮编或城镇',
  'merchant.depotPlaceHint': '例如：E15 或 Leeds',
  'merchant.depotLat': '仓库纬度',
  'merchant.depotLon': '仓库经度',
  'merchant.vehicle': '车辆',
  'merchant.dieselVan': '柴油货车',
  'merchant.petrolVan': '汽油货车',
  'merchant.electricVan': '电动货车',
  'merchant.capacity': '每条路线装载量（件）',
  'merchant.pickupPoints': '驿站数量（留空：约每 12.6 平方公里一个）',
  'merchant.area': '快递公司的配送路线位于',
  'merchant.areaAuto': '订单所在区域（按订单密度判断）',
  'merchant.areaUrban': '市区（伦敦市中心：每条路线 127 件、11.9 公里）',
  'merchant.areaSuburban': '郊区（英国典型路线：100 件、45 公里）',
  'merchant.areaRural': '乡村（32 件、96 公里）',
  'merchant.rowErrors': '无法读取的行',
  'merchant.mapEmpty': '订单地图：载入订单后绘制',
  'merchant.legend': '图例',
  'merchant.legendDepot': '仓库',
  'merchant.legendHub': '微仓（货运自行车）',
  'merchant.legendPickup': '驿站',
  'merchant.legendOrder': '订单（按路线着色）',
  'merchant.mapSummaryEmpty': '订单、配送路线和驿站会显示在这里，底图是简单的公里网格（不加载在线地图）。',
  'merchant.scenarios': '各方案排放：千克二氧化碳当量（油井到车轮）',
  'merchant.bars': '各方案的排放量',
  'merchant.scaleNote': '条形图采用从零开始的线性刻度；每根条形上的误差线表示其区间：对各项假设做蒙特卡洛抽样，90% 的结果落在此区间内。',
  'merchant.moves': '哪些假设对结果影响最大',
  'merchant.tornadoLegend': '龙卷风图图例',
  'merchant.tornadoLow': '假设取低值',
  'merchant.tornadoHigh': '假设取高值',
  'merchant.tableRegion': '方案对比表（可左右滑动）',
  'merchant.caption': '方案对比',
  'merchant.thScenario': '方案',
  'merchant.thVehicleKm': '车辆行驶里程',
  'merchant.thShopperKm': '顾客出行里程',
  'merchant.thEnergy': '能耗',
  'merchant.thKg': '排放量（二氧化碳当量）',
  'merchant.thPerParcel': '每件包裹的二氧化碳当量',
  'merchant.thSaved': '与基准相比',
  'merchant.exportCsv': '下载方案（CSV）',
  'merchant.exportGeojson': '下载配送路线（GeoJSON）',
  'merchant.exportJson': '下载报告（JSON）',
};

export const PROGRESS = {
  starting: () => '正在启动……',
  loading: () => '正在加载计算器……',
  reading: ({ name }) => `正在读取 ${name}……`,
  locating: ({ name }) => `正在为 ${name} 中的订单定位……`,
  planning: ({ orders }) => `正在为 ${n.count(orders)} 个订单规划配送路线……`,
  pickup: () => '正在布设驿站……',
  bikes: () => '正在规划货运自行车路线……',
  pricing: () => '正在计算排放……',
  drawing: () => '正在绘图……',
  done: () => '完成。',
};

/** 国家：代码写成中文国名（“英国”），文件里写的名称照原样。 */
const countryName = (code) => (/^[A-Z]{2}$/.test(code) ? new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of(code) : code);

export const ROW_ERRORS = {
  'unknown-postcode': ({ postcode, country }) => `“${postcode}”不是已知的${countryName(country)}邮编，无法为此订单定位`,
  'unknown-town': ({ town }) => `“${town}”不是已知的城镇，而此订单又没有邮编，无法定位`,
  'no-location': () => '此订单既没有邮编、城镇，也没有经纬度，无法定位',
  'other-country': ({ country }) => `此订单寄往${countryName(country)}，我们没有那里的邮编和城镇数据，无法定位`,
  'no-table': ({ country }) => `此处没有安装${countryName(country)}的地名数据，无法为此订单定位`,
};

const AREAS = { urban: '市区', suburban: '郊区', rural: '乡村' };

export const T = {
  none: '（无）',
  column: (i) => `第 ${i} 列`,
  depot: '仓库：',
  depotElsewhere: (text, code, places) =>
    `在${countryName(code)}没有找到名为“${text}”的地点。您指的是${new Intl.ListFormat('zh-CN', { type: 'disjunction' }).format(places)}吗？请在下方选择，把它设为仓库所在地。`,
  depotOffers: '仓库可能所在的地点',
  sampleDepot: '仓库：示例城市自带的仓库，位于伦敦东部。',
  needDepot: '您的配送从哪里出发？请在上方填写仓库的邮编或城镇（或其经纬度）：您的订单将从您自己的仓库出发计算，填写之前不会计算任何结果。',
  failPrefix: '无法分析这些订单。',
  failFallback: '请检查文件和设置，然后重试。',
  stoppedPrefix: '分析意外中断。',
  stoppedFallback: '请重试，或换一个小一些的文件。',
  sampleFailed: '示例城市载入失败。请检查网络连接，然后重试。',
  join: (sentences) => sentences.join(''),
  overridesIgnored: '按您保存的自定义值无法完成这次分析，因此改用了默认值。',
  noOrders: (name, errorCount) =>
    `${name}：没有读到任何订单` + (errorCount ? `；${n.count(errorCount)} 行有错误（见下方列表）。` : '。'),
  loaded({ name, layout, rows, orders, count, parcels, located, byTown = 0, precisionKm, unmatched = 0, errorCount }) {
    const source = layout
      ? `${{ shopify: 'Shopify', woocommerce: 'WooCommerce', etsy: 'Etsy' }[layout]} 订单导出文件，共 ${n.count(rows)} 行、${n.count(orders)} 个订单；`
      : '';
    const where = located
      ? `；${located === count ? '全部' : `${n.count(located)} 个订单`}已按邮编定位${precisionKm != null ? `，误差约 ${n.km(precisionKm)}（邮编区半径的中位数）` : '（定位到邮编所属地区的中心）'}`
      : '';
    const towns = byTown ? `；${byTown === count ? '全部' : `${n.count(byTown)} 个订单`}只有城镇、没有邮编，已定位到城镇中心` : '';
    const notFound = unmatched ? `；${n.count(unmatched)} 个地址未能找到` : '';
    const bad = errorCount - unmatched;
    const skipped = bad ? `；${n.count(bad)} 行因有错误而跳过` : '';
    return `${name}：${source}已载入 ${n.count(count)} 个订单、${n.count(parcels)} 件包裹${where}${towns}${notFound}${skipped}${errorCount ? '（见下方列表）。' : '。'}`;
  },
  line: (line, message) => `第 ${line} 行：${message}`,
  feature: (feature, message) => `第 ${feature} 个要素：${message}`,
  more: (count) => `……另有 ${n.count(count)} 条。`,
  area: (area, chosen) => `快递公司的配送路线按${AREAS[area]}计算（${chosen ? '按您的选择' : '根据订单密度判断'}）。`,
  baselineName: (label) => `${label}（基准）`,
  cutBar: (label, figure, times) => `“${label}”的条形已截断：其 ${figure} 是次高值的 ${times} 倍，超出此刻度。`,
  co2e: (figure) => `${figure} 二氧化碳当量`,
  noSaving: '没有可供分解的减排量',
  tornadoTitle: (option, base, central, median, more) =>
    more
      ? `“${option}”比“${base}”多排放多少（各项假设都取中间值时多 ${central}；模拟抽样的中位数为 ${median}），以及各项假设能让它变动多少`
      : `“${option}”相对于“${base}”的减排比例（各项假设都取中间值时为 ${central}；模拟抽样的中位数为 ${median}），以及各项假设能让它变动多少`,
  tornadoFlat: (option, base, central, median, more) =>
    more
      ? `“${option}”比“${base}”多排放多少（各项假设都取中间值时多 ${central}；模拟抽样的中位数为 ${median}）：没有哪项假设能让它的变动超过显示的精度。`
      : `“${option}”相对于“${base}”的减排比例（各项假设都取中间值时为 ${central}；模拟抽样的中位数为 ${median}）：没有哪项假设能让它的变动超过显示的精度。`,
  tornado: (option, base, more) =>
    more
      ? `各项假设从低值变到高值时，“${option}”比“${base}”多排放的比例如何变化`
      : `各项假设从低值变到高值时，“${option}”相对于“${base}”的减排比例如何变化`,
  span: (a, b) => `${a} 至 ${b}`,
  baseline: '基准',
  same: '相同',
  noClear: '差异不明显',
  less: (figure) => `减少 ${figure}`,
  increase: (figure) => `增加 ${figure}`,
  withRange: (figure, range) => `${figure}（${range}）`,
  to: (a, b) => `${a} 至 ${b}`,
  moreToLess: (more, less) => `从增加 ${more} 到减少 ${less}`,
  diesel: (litres) => `柴油 ${n.sig(litres)} 升`,
  petrol: (litres) => `汽油 ${n.sig(litres)} 升`,
  kwh: (kwh) => `电 ${n.sig(kwh)} 千瓦时`,
  energyBy: (delivery, shoppers) => [delivery && `配送：${delivery}`, shoppers && `顾客自行往返：${shoppers}`].filter(Boolean).join('；'),
  plus: ' + ',
  noneEmitsLess: (base) => `对这些订单来说，没有哪种方案的排放比“${base}”更低。`,
  range: (range, coverage) => `（${range}，${coverage} 区间）`,
  noClearHeadline: (base, option, saving, range) =>
    `与“${base}”相比差异不明显：“${option}”可能减排 ${saving}，但它的区间${range}也包含不减排的可能。`,
  headline: (option, kg, baseKg, base, saving, range) => `${option}：${kg}，而“${base}”为 ${baseKg}，减少 ${saving}${range}。`,
  scaleBar: (km) => n.km(km),
  mapSummary({ orders, trips, minRounds, pickupPoints, hub, km }) {
    const fill = trips <= minRounds ? '已是装下这些包裹所需的最少路线数' : `这些包裹至少需要 ${n.count(minRounds)} 条`;
    return (
      `${n.count(orders)} 个订单的地图：从仓库（橙色方块）出发，共 ${n.count(trips)} 条合并配送路线（${fill}），` +
      `另有 ${n.count(pickupPoints)} 个驿站（黑色三角）${hub ? '和货运自行车的微仓（绿色圆点）' : ''}。比例尺：${n.km(km)}。`
    );
  },
};
