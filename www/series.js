// A lab's metrics history with a bounded size. A lab may train for hours;
// keeping every step would grow the page's memory and the chart's drawing
// time without end. Up to `limit` rows are kept; when full, every second row
// is dropped and from then on only every second arriving row is kept (every
// 4th after the next halving, and so on), so the rows stay evenly spaced in
// steps. The newest row is always kept apart, for the chart's last point and
// the summary. 2,048 rows are more than a chart's width in pixels.
export class BoundedSeries {
  constructor(limit = 2048) {
    this.limit = limit;
    this.rows = [];
    // Keep one arriving row in `stride`; `arrived` counts them all.
    this.stride = 1;
    this.arrived = 0;
    this.last = null;
  }

  push(row) {
    if (this.arrived % this.stride === 0) {
      this.rows.push(row);
      if (this.rows.length >= this.limit) {
        this.rows = this.rows.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
    this.arrived += 1;
    this.last = row;
  }

  // The kept rows and, if it was not kept, the newest one.
  all() {
    const tail = this.rows[this.rows.length - 1];
    return this.last && tail !== this.last ? [...this.rows, this.last] : this.rows;
  }
}
