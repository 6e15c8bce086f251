// The base management dashboard's chart: reads the accessible table beside it (data-label, data-target, data-actual
// on each row; rows of indicators with no source yet carry no data-actual) and draws target against actual.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('indicator-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var table = document.getElementById(el.dataset.table);
  var labels = [], targets = [], actuals = [];
  table.querySelectorAll('tbody tr').forEach(function (tr) {
    if (tr.dataset.actual === undefined || tr.dataset.actual === '') {
      return;
    }
    labels.push(tr.dataset.label);
    targets.push(Number(tr.dataset.target));
    actuals.push(Number(tr.dataset.actual));
  });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {data: [el.dataset.targetLabel, el.dataset.actualLabel]},
    grid: {left: 8, right: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: labels, axisLabel: {width: 160, overflow: 'truncate'}},
    series: [
      {name: el.dataset.targetLabel, type: 'bar', data: targets},
      {name: el.dataset.actualLabel, type: 'bar', data: actuals}
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
