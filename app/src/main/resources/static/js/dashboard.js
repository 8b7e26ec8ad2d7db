// The dashboard's charts (ECharts from the webjar). The data and the words come from the page
// (#chart-data, written by the server); each chart opens the list behind a bar or point on click,
// and can be saved as PNG (toolbox or button) and as SVG (button: drawn again by the SVG renderer).
(function () {
  "use strict";
  var element = document.getElementById("chart-data");
  if (!element || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(element.textContent);
  var words = data.words;
  var charts = {};
  var options = {};
  // numbers as the page's language writes them, like the tables (one decimal at most, no grouping):
  // a decimal comma in Norwegian (nb-NO), a point in English
  var language = document.documentElement.lang === "en" ? "en" : "nb-NO";
  var decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1, useGrouping: false });
  function number(value) {
    if (value == null || value === "") {
      return "";
    }
    var n = typeof value === "number" ? value : Number(value);
    return isNaN(n) ? String(value) : decimal.format(n);
  }
  function label(p) {
    return number(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value);
  }
  var colours = { within: "#2e7d32", breached: "#c62828", withoutNorm: "#9e9e9e", share: "#1565c0", target: "#ef6c00" };

  function toolbox(id) {
    return {
      feature: {
        saveAsImage: { title: words.savePng, name: id, pixelRatio: 2, backgroundColor: "#fff" },
        mySvg: {
          show: true,
          title: words.saveSvg,
          icon: "path://M4 4h16v16H4z M8 12h8 M12 8v8",
          onclick: function () { saveSvg(id); }
        }
      }
    };
  }

  function base(id) {
    return {
      animation: false,
      textStyle: { fontFamily: "system-ui, sans-serif" },
      grid: { left: 56, right: 24, top: 48, bottom: 56, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: number },
      toolbox: toolbox(id),
      aria: { enabled: true }
    };
  }

  options.months = function () {
    var m = data.months;
    var o = base("months");
    o.legend = { top: 0, left: 0, data: [words.share].concat(m.target != null ? [words.target] : []) };
    o.xAxis = { type: "category", data: m.categories };
    o.yAxis = { type: "value", min: 0, max: 100, name: "%", axisLabel: { formatter: number } };
    o.series = [{
      name: words.share, type: "line", data: m.share, connectNulls: false, symbolSize: 8,
      itemStyle: { color: colours.share }, label: { show: true, formatter: label }
    }];
    if (m.target != null) {
      o.series.push({
        name: words.target, type: "line", data: m.categories.map(function () { return m.target; }),
        symbol: "none", lineStyle: { type: "dashed", color: colours.target }, itemStyle: { color: colours.target }
      });
    }
    o.links = m.links;
    return o;
  };

  options.distribution = function () {
    var d = data.distribution;
    var o = base("distribution");
    o.legend = { top: 0, left: 0 };
    o.xAxis = { type: "category", data: d.categories, name: words.days, nameLocation: "middle", nameGap: 32 };
    o.yAxis = { type: "value", name: words.intervals, minInterval: 1, axisLabel: { formatter: number } };
    o.series = [
      { name: words.within, type: "bar", stack: "n", data: d.within, itemStyle: { color: colours.within } },
      { name: words.breached, type: "bar", stack: "n", data: d.breached, itemStyle: { color: colours.breached } },
      { name: words.withoutNorm, type: "bar", stack: "n", data: d.withoutNorm, itemStyle: { color: colours.withoutNorm } }
    ];
    return o;
  };

  function groups(key) {
    return function () {
      var g = data[key];
      var o = base(key);
      o.legend = { top: 0, left: 0 };
      o.tooltip = { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: number };
      o.xAxis = { type: "value", minInterval: 1, axisLabel: { formatter: number } };
      o.yAxis = { type: "category", data: g.categories, inverse: true };
      o.series = [
        { name: words.breached, type: "bar", stack: "n", data: g.breached, itemStyle: { color: colours.breached }, label: { show: true, position: "inside", formatter: label } },
        { name: words.within, type: "bar", stack: "n", data: g.within, itemStyle: { color: colours.within } }
      ];
      o.links = g.links;
      return o;
    };
  }
  options["by-pathway"] = groups("byPathway");
  options["by-unit"] = groups("byUnit");

  function build(id) {
    var o = options[id]();
    var links = o.links;
    delete o.links;
    return { option: o, links: links };
  }

  function empty(id) {
    var key = { months: "months", distribution: "distribution", "by-pathway": "byPathway", "by-unit": "byUnit" }[id];
    var d = data[key];
    return !d || d.categories.length === 0;
  }

  document.querySelectorAll(".chart[data-chart]").forEach(function (div) {
    var id = div.getAttribute("data-chart");
    if (!options[id]) {
      return;
    }
    if (empty(id)) {
      div.textContent = words.empty;
      div.style.height = "auto";
      return;
    }
    var built = build(id);
    var chart = echarts.init(div, null, { renderer: "canvas" });
    chart.setOption(built.option);
    if (built.links) {
      chart.on("click", function (p) {
        var link = built.links[p.dataIndex];
        if (link) {
          window.location.href = link;
        }
      });
    }
    charts[id] = chart;
  });

  function download(url, name) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function savePng(id) {
    var chart = charts[id];
    if (chart) {
      download(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff", excludeComponents: ["toolbox"] }), id + ".png");
    }
  }

  // SVG: the same option drawn off screen by ECharts' SVG renderer
  function saveSvg(id) {
    var chart = charts[id];
    if (!chart) {
      return;
    }
    var div = document.createElement("div");
    div.style.cssText = "position:absolute;left:-10000px;top:0;";
    document.body.appendChild(div);
    var option = build(id).option;
    delete option.toolbox;
    var svg = echarts.init(div, null, { renderer: "svg", width: chart.getWidth(), height: chart.getHeight() });
    svg.setOption(option);
    var text = typeof svg.renderToSVGString === "function" ? svg.renderToSVGString() : null;
    var url = text
      ? URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }))
      : svg.getDataURL({ type: "svg" });
    download(url, id + ".svg");
    svg.dispose();
    div.remove();
  }

  document.querySelectorAll(".save-png").forEach(function (b) {
    b.addEventListener("click", function () { savePng(b.getAttribute("data-chart")); });
  });
  document.querySelectorAll(".save-svg").forEach(function (b) {
    b.addEventListener("click", function () { saveSvg(b.getAttribute("data-chart")); });
  });
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  window.forlopCharts = charts;
  window.forlopNumber = number;
})();
