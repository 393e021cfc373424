// The parts of Apache ECharts the dashboard uses, and nothing else: stacked
// bars drawn as SVG, with axes, legend, tooltip and the aria component
// (decal patterns). Imported lazily by the chart component, so the charts'
// code is loaded only on the pages that draw one.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { init };
export type { ECharts } from 'echarts/core';
