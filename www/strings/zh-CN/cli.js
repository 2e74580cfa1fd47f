// 命令行的文字（简体中文）：帮助、stderr 上的提示，以及表格里的词。JSON、CSV、GeoJSON 不分语言，不取自这里。
import { n } from './numbers.js';

export const lang = 'zh-CN';

const LANG_OPTION = `  --lang TAG             帮助、提示和表格的语言：en-GB、zh-CN、de-DE（默认取自 LC_ALL、LC_MESSAGES 或 LANG，
                         例如 zh_CN.UTF-8；都没有则用英式英语）`;

export const HELP = {
  main: (version) => `green-delivery ${version}：快递配送的碳足迹与合并配送测算，由 green-delivery 的 wasm 内核计算

用法：
  green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [选项]
  green-delivery options --to LAT,LON [--from LAT,LON] [选项]
  green-delivery factors [--format csv|json]
  green-delivery <命令> --help

命令：
  consolidate   将合并配送路线、驿站和货运自行车与快递公司的常规路线及专车配送进行比较
  options       送到某个地址时，各配送方式每件包裹的克二氧化碳当量（即结账组件显示的数字）
  factors       默认排放因子，逐一注明来源、年份和许可

每个命令都接受 --lang TAG（en-GB、zh-CN、de-DE），用于帮助、提示和表格；默认取自 LC_ALL、LC_MESSAGES 或 LANG。
JSON、CSV 和 GeoJSON 在任何语言下都相同。
退出码：0 完成，1 输入有误（stderr 上会指出行和字段），2 用法错误。
输入最多读取 134,217,728 字节（128 MiB，计算器的文本上限）；设备或管道 30 秒没有数据
（GREEN_DELIVERY_READ_TIMEOUT，单位为秒）即放弃。数字请写成普通小数（12、-0.5）。
`,
  consolidate: () => `用法：green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [选项]

读取订单（含 lat/lon[/parcels/weight_kg/id] 列的 CSV，或由点组成的 GeoJSON FeatureCollection；"-" 表示从
标准输入读取），像网页的商家视图一样比较六种配送方式（以快递公司的标准路线为基准计算减排）。网店自己的导出文件按网页的
方式读取：Shopify、WooCommerce 和 Etsy 的订单 CSV 按其列名识别，同一订单的各行商品合并为一个订单（每单一件包裹）；邮编和
城镇在本地离线定位，按该行自己的国家，否则按 --country（npm 包只带英国邮编区数据，仓库检出版带全部数据）。找不到地址的
订单会在标准错误输出中列出，不参与计算。

选项：
  --depot LAT,LON        仓库位置（必填），例如 51.5416,-0.0076
  --vehicle ID           货车的排放因子：diesel-van（默认）、petrol-van、electric-van
  --capacity N           每条路线装载的包裹数（默认 100）
  --pickup-points N      驿站数量（默认：订单覆盖区域内每 π·(2 公里)² 一个）
  --area AREA            标准和次日达所用的快递路线类型：urban（市区）、suburban（郊区）、rural（乡村）
                         （默认：按订单密度判断）
  --country CC           配送所在国家/地区，ISO 3166-1 两位字母代码（默认 GB）：决定电网、车辆、干线运输和自提的默认值
                         （CN、DE、FR、GB、JP、US；其他国家/地区使用替代值，并有标注）
  --grid ID              电动车所用的电网排放因子（默认：该国家/地区的电网）
  --format FORMAT        json（默认：与网页相同的 JSON 报告）、csv（网页的方案表）、geojson（配送路线）
  --out FILE             写入该文件，而不是标准输出
  --skip-bad-rows        有错误行时只使用正确的行（错误行仍会列在 stderr 上）
${LANG_OPTION}
  -h, --help             显示本帮助

遇到错误行时，程序以退出码 1 停止，并指出行号和字段；加上 --skip-bad-rows 则跳过这些行。
`,
  options: () => `用法：green-delivery options --to LAT,LON [--from LAT,LON] [选项]

一件包裹按各种方式送达时的克二氧化碳当量（当日达、次日达、标准快递、固定日配送、驿站自提（步行或驾车）、
快递柜、货运自行车），与结账组件显示的一致：每个数字是对各项设定做蒙特卡洛抽样的中位数，附 90% 区间，以及相对
标准快递的减排（减排区间跨过零时写“无明显差别”）。

选项：
  --to LAT,LON           收件人地址（必填）
  --from LAT,LON         商家仓库，即干线运输的起点（默认：设定 lineHaul.km）
  --area AREA            收件人所在地的快递路线类型：urban（市区）、suburban（郊区，默认）、rural（乡村）
  --weight KG            包裹重量（设定 parcel.kg，并决定货运自行车能否承运）
  --pickup-km KM         收件人到驿站的单程距离（设定 pickup.km）
  --setting ID=VALUE     按 ID 修改配送链中的任一设定，例如 failures.rate=0.05（可重复；见 README 的 "Settings"）
  --baseline ID          计算减排时所比较的配送方式（默认 standard）
  --vehicle ID           货车排放因子：diesel-van（默认）、petrol-van、electric-van
  --car ID               收件人取件所开的车：petrol-car（默认）、diesel-car、electric-car
  --country CC           配送所在国家/地区，ISO 3166-1 两位字母代码（默认 GB）：决定电网、车辆、干线运输和自提的默认值
                         （CN、DE、FR、GB、JP、US；其他国家/地区使用替代值，并有标注）
  --grid ID              电动车所用的电网排放因子（默认：该国家/地区的电网）
  --format FORMAT        table（默认）、json（API 的结果）、csv
  --out FILE             写入该文件，而不是标准输出
${LANG_OPTION}
  -h, --help             显示本帮助
`,
  factors: () => `用法：green-delivery factors [--format csv|json] [--out FILE] [--lang TAG]

列出默认排放因子表：编号、名称、单位、每单位千克二氧化碳当量（油井到车轮）及其 TTW/WTT 拆分、来源、年份和许可。
--format json 给出全部字段，包括 DESNZ 的行编号。
`,
};

export const M = {
  latLon: (option, got) => `${option} 必须写成 LAT,LON（两个小数，例如 51.54,-0.01），收到的是 "${got}"`,
  decimal: (option, got) => `${option} 必须是小数，收到的是 "${got}"`,
  tooLarge: (name, bytes) => `${name} 超过了 ${n.count(bytes)} 字节（128 MiB），这是计算器能读取的上限`,
  cannotRead: (name, why) => `无法读取 ${name}：${why}`,
  noSuchFile: '文件不存在',
  isFolder: '这是一个文件夹',
  silent: (name, seconds) => `${name} 在 ${seconds} 秒内没有发送任何数据；请给出文件，或用管道传入订单`,
  cannotWrite: (out, why) => `无法写入 ${out}：${why}`,
  apiError: (where, code, field, message) => `${where ? `${where}：` : ''}${code}${field ? `（字段 ${field}）` : ''}：${message}`,
  oneFile: '只能给出一个订单文件（或用 - 表示标准输入）',
  noFile: '缺少订单文件（给出路径，或用 - 表示标准输入）',
  depotRequired: '必须给出 --depot LAT,LON',
  reading: (source) => `正在读取 ${source}……`,
  parsing: (source) => `正在解析 ${source}……`,
  planning: (orders) => `正在为 ${n.count(orders)} 个订单规划配送路线……`,
  writing: '正在写入……',
  rowLine: (source, line, message) => `${source} 第 ${line} 行：${message}`,
  rowFeature: (source, feature, message) => `${source} 第 ${feature} 个要素：${message}`,
  badRows: (bad, source, good) => `${source} 中有 ${n.count(bad)} 行有错误；请改正，或加上 --skip-bad-rows，只使用其余 ${n.count(good)} 行正确的数据`,
  noOrders: (source) => `${source}：没有读到任何订单`,
  skipped: (line) => `已跳过 ${line}`,
  /** 映射读取的文件（网店导出文件或邮编）读到了什么。 */
  readSummary: (source, { layout, rows, orders, placed, parcels, unmatched }) =>
    `${source}：${layout ? `${{ shopify: 'Shopify', woocommerce: 'WooCommerce', etsy: 'Etsy' }[layout]} 订单导出文件，` : ''}` +
    `共 ${n.count(rows)} 行、${n.count(orders)} 个订单；已定位 ${n.count(placed)} 个订单、${n.count(parcels)} 件包裹` +
    (unmatched ? `；${n.count(unmatched)} 个地址未能找到（见上方列表）` : ''),
  unexpected: (arg) => `多余的参数 "${arg}"`,
  toRequired: '必须给出 --to LAT,LON',
  settingForm: (got) => `--setting 必须写成 ID=VALUE（例如 failures.rate=0.05），收到的是 "${got}"`,
  unknownCommand: (command) => `未知命令 "${command}"`,
  unknownOption: (option) => `未知选项 "${option}"`,
  format: (formats, got) => `--format 只能是 ${formats.join('、')} 之一，收到的是 "${got}"`,
  lang: (tags, got) => `--lang 只能是 ${tags.join('、')} 之一（或同一语言，例如 de、zh-Hans），收到的是 "${got}"`,
  usage: (command) => `用法见 "green-delivery ${command ? `${command} ` : ''}--help"。`,
  internal: (message) => `内部错误，请报告：${message}`,
  co2e: (figure) => `${figure} 二氧化碳当量`,
  greenest: '（最低碳）',
};
