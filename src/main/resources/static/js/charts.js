// Draws each element with a data-chart attribute (JSON: type, labels, series) with ECharts. The table beside each
// chart holds the same numbers for screen readers and keyboard users; the chart is decoration for the eye.
(function () {
  'use strict';
  var palette = ['#0b3d91', '#e07b00', '#2a9d8f', '#c1121f', '#6a4c93', '#588157', '#8d99ae', '#ffb703'];

  function option(spec) {
    if (spec.type === 'pie') {
      return {
        color: palette,
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0 },
        series: [{
          type: 'pie', radius: ['35%', '65%'], top: 0, bottom: 30,
          data: spec.labels.map(function (l, i) { return { name: l, value: spec.series[0].values[i] }; })
        }]
      };
    }
    return {
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: spec.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 60, right: 16, top: spec.series.length > 1 ? 32 : 12, bottom: 40 },
      xAxis: { type: 'category', data: spec.labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value' },
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.type, data: s.values, smooth: spec.type === 'line', showSymbol: false };
      })
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option(JSON.parse(el.getAttribute('data-chart'))));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
