// 课堂（k均值聚类逐步演示）和公式计算器的文字（简体中文），供老师投影讲解。与 en-GB/classroom.js 导出相同。
import { n } from './numbers.js';

export const lang = 'zh-CN';

export const HTML = {
  'classroom.title': '课堂：一步一步看 k均值聚类',
  'classroom.caption': '点的颜色表示所属的簇；方块是质心，虚线是质心走过的轨迹。点击图中任意位置可以添加一个点。',
  'classroom.intro': '每次迭代分两步。',
  'classroom.assignWord': '分配：',
  'classroom.assignText': '每个点归入离它最近的质心。',
  'classroom.updateWord': '更新：',
  'classroom.updateText': '每个质心移到它所属各点的中心。重复这两步，直到不再变化。',
  'classroom.k': 'k（簇的个数）',
  'classroom.seed': '随机种子',
  'classroom.start': '初始质心',
  'classroom.random': '随机选点',
  'classroom.plusPlus': 'k-means++',
  'classroom.step': '下一步',
  'classroom.play': '自动播放',
  'classroom.restart': '重新开始',
  'classroom.sample': '添加 40 个示例点',
  'classroom.clear': '清除所有点',
  'classroom.phases': '每次迭代的两步',
  'classroom.how': '计算机是怎么做的',
  'classroom.phaseAssign': '1. 分配',
  'classroom.phaseUpdate': '2. 更新',
  'classroom.inertiaCaption': '每次更新后的簇内平方和（各点到所属质心距离的平方之和）：它只会下降，不会上升。',
  'classroom.elbowTitle': '怎样选 k：肘部法则',
  'classroom.elbowIntro': 'k 越大，簇内平方和总会越小；曲线由陡变缓的“肘部”往往就是合适的 k。',
  'classroom.elbowButton': '计算肘部曲线（k = 1…8）',
  'classroom.elbowCaption': '上面这些点在不同 k 下的簇内平方和：每个 k 取 10 次 k-means++ 初始化中最好的一次。',
  'classroom.elbowTable': '肘部曲线数据',
  'classroom.thK': 'k',
  'classroom.thInertia': '簇内平方和',
  'formulas.title': '认识公式',
  'formulas.intro': '本站的每个估算都由这三个模型构成。改动任意一个数字，WebAssembly 模块都会立即重新计算。',
  'formulas.noscript': '这些计算器需要 JavaScript 和 WebAssembly。',
  'formulas.efficiency': '效率 = 产出 ÷ 投入',
  'formulas.output': '产出',
  'formulas.outputUnit': '产出单位',
  'formulas.input': '投入',
  'formulas.inputUnit': '投入单位',
  'formulas.parcels': '件',
  'formulas.vehicleKm': '车公里',
  'formulas.energy': '能量 = 功率 × 时间',
  'formulas.power': '功率',
  'formulas.powerUnit': '功率单位',
  'formulas.time': '时间',
  'formulas.timeUnit': '时间单位',
  'formulas.pue': 'PUE（数据中心电能利用效率；不适用请留空）',
  'formulas.emission': '排放量 = 活动量 × 排放因子',
  'formulas.emissionHint':
    '写成“废物量 × 浓度”，也是同一个模型：废物吨数 × 每吨的千克二氧化碳当量。排放因子可以拆成“油箱到车轮”（TTW，燃料在车上燃烧的排放）和“油井到油箱”（WTT，生产燃料的排放），两者相加就是“油井到车轮”：WTW = TTW + WTT。',
  'formulas.activity': '活动量',
  'formulas.activityUnit': '活动量单位',
  'formulas.ttw': 'TTW 因子（每单位千克二氧化碳当量）',
  'formulas.wtt': 'WTT 因子（每单位千克二氧化碳当量）',
  'formulas.fromEnergy': '用上面算出的能量（千瓦时）作为活动量；这时排放因子就是电网的排放因子（每千瓦时千克二氧化碳当量）',
  'formulas.activityEnergy': '活动量：上面算出的能量（千瓦时）',
  'formulas.ttwKwh': 'TTW 因子（每千瓦时千克二氧化碳当量）',
  'formulas.wttKwh': 'WTT 因子（每千瓦时千克二氧化碳当量）',
  'formulas.defaultFactor': '默认因子：3.5 吨以下柴油货车的平均值，取自英国 DESNZ 2025 年温室气体换算因子（OGL v3.0 许可）。',
  'formulas.gridFactor':
    '默认因子：2025 年英国电网每消耗 1 千瓦时电的排放（发电、输配电损耗以及两者的上游排放，全部计入 WTT），取自英国 DESNZ 2025 年温室气体换算因子（OGL v3.0 许可）。',
};

export const T = {
  play: '自动播放',
  pause: '暂停',
  ready: '准备就绪。',
  randomStart: (k, seed) => `随机选出的 ${n.count(k)} 个点（随机种子 ${seed}）`,
  plusPlusStart: (seed) => `用 k-means++ 选出的（随机种子 ${seed}）：每个新质心都尽量远离已经选好的质心`,
  start: (count, how) => `共 ${n.count(count)} 个点；初始质心是${how}。按“下一步”开始分配。`,
  tooManyClusters: (k, count) => `k = ${k} 比点的个数（${n.count(count)}）还多：请添加点，或把 k 调小。`,
  kOutOfRange: (k, min, max) =>
    `${k === null ? 'k 还没有填写' : `k = ${n.fmt(k)} 不能使用`}：簇的个数必须是 ${min} 到 ${max} 之间的整数。`,
  elbowYourRun: (value) => `${n.sig(value)}（上面您运行的结果）`,
  empty: '点击图表添加点，或添加示例点。',
  distances(evaluations, count, k) {
    const all = count * k;
    const base = `这一步计算机算了 ${n.count(evaluations)} 次距离。把每个点到每个质心的距离都算一遍需要 ${n.count(count)} × ${k} = ${n.count(all)} 次`;
    if (evaluations < all) return `${base}；树形过滤把点分进一个个方框，省掉了其余 ${n.count(all - evaluations)} 次，因为整个方框里的点显然都离同一个质心最近。`;
    return `${base}；点太少，树形过滤检查方框（每次检查按两次距离计）在这里省不下计算。`;
  },
  assignConvergedPhase: (step) => `第 ${step} 次迭代，分配：已收敛。`,
  assignConverged: (steps) => `没有点改变颜色，所以质心也没有新的位置可去：k均值在 ${n.count(steps)} 次完整迭代后结束。`,
  assignPhase: (step) => `第 ${step} 次迭代（1/2）：分配。`,
  assign: (step, changed) =>
    step === 1
      ? `每个点取离它最近的质心的颜色：全部 ${n.count(changed)} 个点第一次着色。接下来：每个质心移到同色各点的中心。`
      : `有 ${n.count(changed)} 个点改变了颜色：质心移动了，现在离这些点最近的是另一个质心。接下来：质心再次移动。`,
  inertiaNow: (value) => `簇内平方和现在是 ${n.sig(value)}`,
  inertiaFell: (before, after) => `簇内平方和从 ${n.sig(before)} 降到了 ${n.sig(after)}`,
  updateConvergedPhase: (step) => `第 ${step} 次迭代（2/2）：更新。已收敛。`,
  updateConverged: (fell) => `每个质心都移到了同色各点的中心，但几乎没动：各组已经稳定，k均值到此结束（${fell}）。`,
  updatePhase: (step) => `第 ${step} 次迭代（2/2）：更新。`,
  update: (fell) => `每个质心移到了同色各点的中心（见虚线轨迹），所以各点离质心更近了：${fell}。接下来：重新分配。`,
  plotAssigned: (step, pending, count, clusters, sizes) =>
    `k均值第 ${step} 次迭代（${pending ? '已分配' : '已更新'}）：${n.count(count)} 个点分成 ${clusters} 个簇，各簇分别有 ${sizes.map(n.count).join('、')} 个点`,
  plotStart: (count, clusters) => `${n.count(count)} 个点，${clusters} 个初始质心，尚未分配`,
  east: '向东（公里）',
  north: '向北（公里）',
  inertiaChart: (values) => (values.length ? `各次迭代的簇内平方和：${values.map(n.sig).join('、')}` : '各次迭代的簇内平方和：还没有迭代'),
  stepAxis: '迭代次数',
  // Short enough to stand beside the chart's 14 px axis (km² rather than 平方公里).
  inertiaAxis: '簇内平方和（km²）',
  /** 一万以上的刻度写成“1.5万”，在 14 像素的坐标轴旁放得下。 */
  thousands: (v) => `${n.sig(v / 10000)}万`,
  inertiaAxisLarge: '簇内平方和（km²）',
  elbowChart: (ks, values) => `不同 k 下的簇内平方和：${ks.map((k, i) => `k = ${k} 时 ${n.sig(values[i])}`).join('；')}`,
  kAxis: 'k（簇的个数）',
};

/** 计算器出错时说明是哪一项、要满足什么（规则与计算核心一致：投入必须大于 0，PUE 不小于 1，其余不小于 0）。 */
const FIELDS = { input: '投入', output: '产出', power: '功率', time: '时间', pue: 'PUE', activity: '活动量', ttw: 'TTW 因子', wtt: 'WTT 因子' };
const LIMITS = { input: '必须大于 0', pue: '不能小于 1' };

export const F = {
  energyTerm: (value, unit, isPue) => `${n.fmt(value)} ${isPue ? '(PUE)' : unit}`,
  unit: '单位',
  error({ code, field } = {}) {
    const key = String(field ?? '').split('.').pop();
    const name = FIELDS[key];
    if (name && code === 'not-finite') return `${name}必须是一个数字。`;
    if (name && code === 'out-of-range') return `${name}${LIMITS[key] ?? '不能小于 0'}。`;
    return '这个值无法用于计算。';
  },
};
