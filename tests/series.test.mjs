// The lab's bounded metrics history (www/series.js): its size stays bounded
// however long a lab trains, the rows it keeps stay evenly spaced, and the
// newest row is never lost.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BoundedSeries } from "../www/series.js";

test("a long run keeps at most `limit` rows, evenly spaced, and the newest", () => {
  const series = new BoundedSeries(64);
  for (let step = 1; step <= 20_000; step++) series.push([step, 1 / step]);
  assert.ok(series.rows.length < 64, `${series.rows.length} rows kept`);
  assert.ok(series.rows.length >= 32, `only ${series.rows.length} rows kept`);
  const gaps = new Set(series.rows.slice(1).map((row, i) => row[0] - series.rows[i][0]));
  assert.deepEqual([...gaps], [series.stride]);
  assert.equal(series.rows[0][0], 1);
  const all = series.all();
  assert.deepEqual(all[all.length - 1], [20_000, 1 / 20_000]);
});

test("a short run keeps every row", () => {
  const series = new BoundedSeries(64);
  for (let step = 1; step <= 50; step++) series.push([step]);
  assert.deepEqual(series.all().map(([step]) => step),
    Array.from({ length: 50 }, (_, i) => i + 1));
});
