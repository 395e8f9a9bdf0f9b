/*
 * The trends page's chart: reads the numbers the server rendered (#trend-data, the same as the table
 * under the chart) and draws them with ECharts. A line per term or theme (per place for key figures),
 * or a year × place heatmap. Points resting on fewer than `sparse_below` documents are drawn hollow
 * and small, so that one document is not read as a trend. Clicking a point opens its search (or, for
 * a key figure, its document). The raw / per-1,000 switch redraws without reloading and keeps the
 * address (the permalink) in step. Without JavaScript the page is the table.
 */
(function () {
  'use strict';
  var dataElement = document.getElementById('trend-data');
  var chartElement = document.getElementById('chart');
  if (!dataElement || !chartElement || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  if (!data || !data.series || data.series.length === 0) {
    return;
  }
  var labels = data.labels || {};
  var raw = !!data.raw;
  var chart = echarts.init(chartElement, null, { renderer: 'canvas' });
  var palette = ['#8b1a1a', '#0b57d0', '#1b7f3b', '#b35c00', '#6b3fa0', '#00707a'];

  function value(p) {
    return raw ? p.docs : p.per_1000;
  }

  function sparse(p) {
    return p.docs < data.sparse_below;
  }

  function tooltipOf(name, p) {
    var lines = ['<b>' + escapeHtml(name) + '</b>'];
    if (p.place) { lines.push(escapeHtml(labels.place) + ': ' + escapeHtml(p.place)); }
    if (p.year != null) { lines.push(escapeHtml(labels.year) + ': ' + p.year); }
    lines.push(escapeHtml(labels.docs) + ': ' + p.docs);
    lines.push(escapeHtml(labels.total) + ': ' + p.total);
    lines.push(escapeHtml(labels.per1000) + ': ' + p.per_1000);
    if (sparse(p)) { lines.push('<i>' + escapeHtml(labels.sparse) + '</i>'); }
    return lines.join('<br>');
  }

  function escapeHtml(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function lineOption() {
    var years = {};
    data.series.forEach(function (s) { s.points.forEach(function (p) { years[p.year] = true; }); });
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', formatter: function (params) { return tooltipOf(params.seriesName, params.data.point); } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 24, top: 40, bottom: 48 },
      toolbox: { right: 8, feature: { saveAsImage: { title: labels.png, name: 'trends' } } },
      xAxis: { type: 'value', name: labels.year, nameLocation: 'middle', nameGap: 28, minInterval: 1,
               min: 'dataMin', max: 'dataMax', axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: 'value', name: raw ? labels.docs : labels.per1000, minInterval: raw ? 1 : 0 },
      series: data.series.map(function (s) {
        return {
          name: s.name,
          type: 'line',
          connectNulls: false,
          data: s.points.map(function (p) {
            var thin = sparse(p);
            return {
              value: [p.year, value(p)],
              point: p,
              symbol: thin ? 'emptyCircle' : 'circle',
              symbolSize: thin ? 5 : 8,
              itemStyle: thin ? { opacity: 0.6 } : undefined
            };
          })
        };
      })
    };
  }

  function heatmapOption() {
    var s = data.series[0];
    var years = [], places = [], seenYear = {}, seenPlace = {};
    s.points.forEach(function (p) {
      if (!seenYear[p.year]) { seenYear[p.year] = true; years.push(p.year); }
      if (!seenPlace[p.place]) { seenPlace[p.place] = true; places.push(p.place); }
    });
    years.sort(function (a, b) { return a - b; });
    var max = 0;
    var cells = s.points.map(function (p) {
      var v = value(p);
      max = Math.max(max, v);
      return {
        value: [years.indexOf(p.year), places.indexOf(p.place), v],
        point: p,
        itemStyle: sparse(p) ? { opacity: 0.45, borderColor: '#59636e', borderType: 'dashed', borderWidth: 1 } : undefined
      };
    });
    return {
      animation: false,
      tooltip: { formatter: function (params) { return tooltipOf(s.name, params.data.point); } },
      grid: { left: 96, right: 24, top: 24, bottom: 72 },
      toolbox: { right: 8, feature: { saveAsImage: { title: labels.png, name: 'trends-heatmap' } } },
      xAxis: { type: 'category', data: years.map(String), name: labels.year },
      yAxis: { type: 'category', data: places, inverse: true },
      visualMap: { min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                   inRange: { color: ['#fdf3f3', '#8b1a1a'] } },
      series: [{ name: s.name, type: 'heatmap', data: cells, label: { show: false } }]
    };
  }

  function figuresOption() {
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', formatter: function (params) {
        var p = params.data.point;
        return '<b>' + escapeHtml(params.seriesName) + '</b> ' + p.year + '<br>' + escapeHtml(data.metric) + ': '
          + p.value + escapeHtml(p.unit || '') + '<br>' + escapeHtml(p.title);
      } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 64, right: 24, top: 40, bottom: 48 },
      toolbox: { right: 8, feature: { saveAsImage: { title: labels.png, name: 'figures' } } },
      xAxis: { type: 'value', name: labels.year, nameLocation: 'middle', nameGap: 28, minInterval: 1,
               min: 'dataMin', max: 'dataMax', axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: 'value', name: data.metric },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', data: s.points.map(function (p) {
          return { value: [p.year, p.value], point: p };
        }) };
      })
    };
  }

  function option() {
    if (data.view === 'figures') { return figuresOption(); }
    if (data.split) { return heatmapOption(); }
    return lineOption();
  }

  function draw() {
    chart.setOption(option(), true);
    chartElement.setAttribute('data-rendered', raw ? 'raw' : 'per_1000');
  }

  chart.on('click', function (params) {
    if (params.data && params.data.point && params.data.point.href) {
      window.location.assign(params.data.point.href);
    }
  });

  // raw / per 1,000 without a reload; the address and the permalink follow
  document.querySelectorAll('.scale a[data-scale]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      raw = link.getAttribute('data-scale') === 'raw';
      document.querySelectorAll('.scale a[data-scale]').forEach(function (other) {
        if (other === link) { other.setAttribute('aria-current', 'true'); } else { other.removeAttribute('aria-current'); }
      });
      var href = link.getAttribute('href');
      window.history.replaceState(null, '', href);
      var permalink = document.getElementById('permalink');
      if (permalink) { permalink.setAttribute('href', href); }
      draw();
    });
  });

  var png = document.getElementById('png');
  if (png) {
    png.hidden = false;
    png.addEventListener('click', function () {
      var a = document.createElement('a');
      a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      a.download = 'trends.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  window.addEventListener('resize', function () { chart.resize(); });
  // for the browser tests and for anyone scripting the page
  window.wenshiTrends = { chart: chart, isRaw: function () { return raw; } };
  draw();
}());
