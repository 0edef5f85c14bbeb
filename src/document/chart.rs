//! What a chart shows: categories, series, hidden values. Drawing it (SVG, PNG, a native Excel chart) is
//! the renderers' job.

/// A series of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<i64>,
    /// Values hidden by statistical secrecy: no bar, and "s" where the value would be written.
    pub hidden: Vec<bool>,
}

impl Series {
    /// A series with every value shown.
    pub fn new(label: impl Into<String>, values: Vec<i64>) -> Self {
        Series { label: label.into(), hidden: vec![false; values.len()], values }
    }

    pub fn is_hidden(&self, i: usize) -> bool {
        self.hidden.get(i).copied().unwrap_or(false)
    }

    fn value(&self, i: usize) -> i64 {
        self.values.get(i).copied().unwrap_or(0)
    }
}

/// A horizontal bar chart: one line per category, bars grouped side by side or stacked.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub stacked: bool,
}

/// How many categories (or stacked series) a chart shows before it sums the rest.
pub const TOP: usize = 20;

impl BarChart {
    /// Sorts categories by their shown total, largest first (hidden values play no part: the order must
    /// not give them away).
    ///
    /// ```
    /// use veille::document::{BarChart, Series};
    /// let chart = BarChart { title: "t".into(), categories: vec!["a".into(), "b".into()], series: vec![Series::new("n", vec![1, 3])], stacked: false };
    /// assert_eq!(chart.sorted().categories, vec!["b", "a"]);
    /// ```
    pub fn sorted(self) -> Self {
        let total = |i: usize| -> i64 { self.series.iter().filter(|s| !s.is_hidden(i)).map(|s| s.value(i)).sum() };
        let mut order: Vec<usize> = (0..self.categories.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(total(i)));
        self.reorder(&order)
    }

    fn reorder(mut self, order: &[usize]) -> Self {
        self.categories = order.iter().map(|&i| self.categories[i].clone()).collect();
        for s in &mut self.series {
            s.values = order.iter().map(|&i| s.value(i)).collect();
            s.hidden = order.iter().map(|&i| s.is_hidden(i)).collect();
        }
        self
    }

    /// Keeps the first `TOP` categories and sums the others into one line, `rest(n)` (for example
    /// "autres communes (174)"). A sum that holds a hidden value is hidden: it would give it away.
    ///
    /// ```
    /// use veille::document::{BarChart, Series};
    /// let categories: Vec<String> = (0..25).map(|i| format!("c{i}")).collect();
    /// let chart = BarChart { title: "t".into(), categories, series: vec![Series::new("n", vec![2; 25])], stacked: false };
    /// let top = chart.top(|n| format!("autres ({n})"));
    /// assert_eq!(top.categories.len(), 21);
    /// assert_eq!((top.categories[20].as_str(), top.series[0].values[20]), ("autres (5)", 10));
    /// ```
    pub fn top(mut self, rest: impl Fn(usize) -> String) -> Self {
        let n = self.categories.len();
        if n <= TOP + 1 {
            return self;
        }
        self.categories.truncate(TOP);
        self.categories.push(rest(n - TOP));
        for s in &mut self.series {
            let hidden = (TOP..n).any(|i| s.is_hidden(i));
            let sum = (TOP..n).map(|i| s.value(i)).sum();
            s.values.truncate(TOP);
            s.values.push(if hidden { 0 } else { sum });
            s.hidden.resize(TOP, false);
            s.hidden.push(hidden);
        }
        self
    }

    /// Keeps the `TOP` series with the largest shown totals and sums the others into one series,
    /// `rest(n)` (stacked charts whose series are communes).
    pub fn top_series(mut self, rest: impl Fn(usize) -> String) -> Self {
        let n = self.series.len();
        if n <= TOP + 1 {
            return self;
        }
        let total = |s: &Series| -> i64 { (0..s.values.len()).filter(|&i| !s.is_hidden(i)).map(|i| s.value(i)).sum() };
        self.series.sort_by_key(|s| std::cmp::Reverse(total(s)));
        let others = self.series.split_off(TOP);
        let width = self.categories.len();
        let mut sum = Series::new(rest(n - TOP), (0..width).map(|i| others.iter().map(|s| s.value(i)).sum()).collect());
        sum.hidden = (0..width).map(|i| others.iter().any(|s| s.is_hidden(i))).collect();
        self.series.push(sum);
        self
    }

    /// Whether any value is hidden.
    pub fn any_hidden(&self) -> bool {
        self.series.iter().any(|s| s.hidden.iter().any(|h| *h))
    }
}
