//! Forward pass and full backpropagation through time for the forget-gate LSTM in `f32`, with
//! no allocation once the buffers have grown to the sequence.
//!
//! Why `f32`: the kernel exists for speed, and `f32` doubles the SIMD lanes; the gradient checks
//! that need `f64` run on the generic reference cell, and tests hold this kernel to that cell.
//!
//! Layout. The weights are read where they live, in the cell's column-major matrices: column j
//! of W_hh (4H numbers) holds what h_{t−1}[j] adds to every gate. So the forward product
//! W_hh·h is a sum of columns (axpy), and the backward product W_hhᵀ·dz is one dot product per
//! column; both run over contiguous memory. Per-step buffers are flat: `gates[t]` holds the four
//! activations i, f, g, o (4H), `cells[t]` and `hiddens[t]` hold c_t and h_t for t = 0 … T.
//! The weight gradients are formed once at the end as matrix products (dW = DZ·Xᵀ), which
//! `matrixmultiply` does far faster than T rank-1 updates.

use std::fmt;

use nalgebra::{DMatrixView, Dyn};

use super::fastmath::{madd, sigmoid_in_place, tanh, tanh_in_place};
use crate::model::cell::{GateClamps, LstmCell};

/// Why the kernel could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KernelError {
    /// The cell has peepholes or a clamped gate: use the reference cell.
    Unsupported,
    /// An input or gradient buffer whose length does not fit the cell and sequence.
    Length {
        /// What the buffer is.
        what: &'static str,
        /// The length the shapes need.
        expected: usize,
        /// The length given.
        found: usize,
    },
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KernelError::Unsupported => {
                write!(f, "the fast LSTM kernel has no peepholes or gate surgery; use the reference cell")
            }
            KernelError::Length { what, expected, found } => {
                write!(f, "{what} has {found} values, but the cell and sequence need {expected}")
            }
        }
    }
}

impl std::error::Error for KernelError {}

/// Buffers for one sequence at a time; reuse one kernel across sequences to avoid allocating.
#[derive(Clone, Debug, Default)]
pub struct LstmKernel {
    hidden: usize,
    input: usize,
    steps: usize,
    bias: Vec<f32>,
    xs: Vec<f32>,
    gates: Vec<f32>,
    cells: Vec<f32>,
    hiddens: Vec<f32>,
    squashed: Vec<f32>,
    dz: Vec<f32>,
    dh: Vec<f32>,
    dc: Vec<f32>,
    dx: Vec<f32>,
    dh_next: Vec<f32>,
    dc_next: Vec<f32>,
    db: Vec<f32>,
}

fn check(what: &'static str, expected: usize, found: usize) -> Result<(), KernelError> {
    if expected == found { Ok(()) } else { Err(KernelError::Length { what, expected, found }) }
}

/// The number of steps in `xs`, once the cell is one the kernel covers and the input and
/// initial states fit it.
fn forward_steps(
    cell: &LstmCell<f32>,
    xs: &[f32],
    h0: Option<&[f32]>,
    c0: Option<&[f32]>,
) -> Result<usize, KernelError> {
    if cell.peepholes.is_some() || cell.clamps != GateClamps::default() {
        return Err(KernelError::Unsupported);
    }
    let (n, m) = (cell.hidden_size(), cell.input_size());
    if m == 0 {
        check("the input", 0, xs.len())?;
    } else if !xs.len().is_multiple_of(m) {
        return Err(KernelError::Length { what: "the input", expected: xs.len() / m * m, found: xs.len() });
    }
    if let Some(h0) = h0 {
        check("h_0", n, h0.len())?;
    }
    if let Some(c0) = c0 {
        check("c_0", n, c0.len())?;
    }
    Ok(xs.len().checked_div(m).unwrap_or(0))
}

/// Sets the length to `len`, all zeros.
fn resize(v: &mut Vec<f32>, len: usize) {
    v.clear();
    v.resize(len, 0.0);
}

/// Sets the length to `len` without clearing what is there: for buffers the pass overwrites
/// entirely before reading.
fn fit(v: &mut Vec<f32>, len: usize) {
    v.resize(len, 0.0);
}

impl LstmKernel {
    /// An empty kernel; buffers grow on first use.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs the cell over `xs` (T steps of I values, step after step) from (h_0, c_0), zero where
    /// not given.
    pub fn forward(
        &mut self,
        cell: &LstmCell<f32>,
        xs: &[f32],
        h0: Option<&[f32]>,
        c0: Option<&[f32]>,
    ) -> Result<(), KernelError> {
        let steps = forward_steps(cell, xs, h0, c0)?;
        let (n, m) = (cell.hidden_size(), cell.input_size());
        (self.hidden, self.input, self.steps) = (n, m, steps);
        self.xs.clear();
        self.xs.extend_from_slice(xs);
        self.bias.clear();
        self.bias.extend(cell.bias_ih.iter().zip(cell.bias_hh.iter()).map(|(a, b)| a + b));
        fit(&mut self.gates, steps * 4 * n);
        fit(&mut self.cells, (steps + 1) * n);
        fit(&mut self.hiddens, (steps + 1) * n);
        fit(&mut self.squashed, steps * n);
        match h0 {
            Some(h0) => self.hiddens[..n].copy_from_slice(h0),
            None => self.hiddens[..n].fill(0.0),
        }
        match c0 {
            Some(c0) => self.cells[..n].copy_from_slice(c0),
            None => self.cells[..n].fill(0.0),
        }
        for t in 0..steps {
            self.step_forward(t, cell);
        }
        Ok(())
    }

    /// Step t forward: z = b + W_ih x_t + W_hh h_{t−1}, the gates, then c_t and h_t.
    #[inline]
    fn step_forward(&mut self, t: usize, cell: &LstmCell<f32>) {
        let (n, m) = (self.hidden, self.input);
        let (w_ih, w_hh) = (cell.weight_ih.as_slice(), cell.weight_hh.as_slice());
        let z = &mut self.gates[t * 4 * n..(t + 1) * 4 * n];
        z.copy_from_slice(&self.bias);
        let x = &self.xs[t * m..(t + 1) * m];
        add_columns(z, w_ih, x);
        add_columns(z, w_hh, &self.hiddens[t * n..(t + 1) * n]);
        let (ifg, o) = z.split_at_mut(3 * n);
        let (if_, g) = ifg.split_at_mut(2 * n);
        sigmoid_in_place(if_);
        tanh_in_place(g);
        sigmoid_in_place(o);
        let (i, f) = if_.split_at(n);
        let (before, after) = self.cells.split_at_mut((t + 1) * n);
        let c_prev = &before[t * n..];
        let c = &mut after[..n];
        let q = &mut self.squashed[t * n..(t + 1) * n];
        let h = &mut self.hiddens[(t + 1) * n..(t + 2) * n];
        // Equal lengths stated once, so the loop below has no bounds checks and vectorises.
        let (i, f, g, o, c_prev) = (&i[..n], &f[..n], &g[..n], &o[..n], &c_prev[..n]);
        for k in 0..n {
            c[k] = f[k] * c_prev[k] + i[k] * g[k];
            q[k] = tanh(c[k]);
            h[k] = o[k] * q[k];
        }
    }

    /// Backpropagation through time for the last forward pass. `dh_out` (T·H values) is the error
    /// the loss sends into each h_t directly; the parameter gradients are added into `grads`
    /// (shaped like the cell), so a batch can accumulate into one.
    pub fn backward(
        &mut self,
        cell: &LstmCell<f32>,
        dh_out: &[f32],
        grads: &mut LstmCell<f32>,
    ) -> Result<(), KernelError> {
        let (n, m, steps) = (self.hidden, self.input, self.steps);
        self.check_backward_shapes(cell, dh_out, grads)?;
        fit(&mut self.dz, steps * 4 * n);
        fit(&mut self.dh, steps * n);
        fit(&mut self.dc, steps * n);
        resize(&mut self.dh_next, n);
        resize(&mut self.dc_next, n);
        fit(&mut self.dx, steps * m);
        resize(&mut self.db, 4 * n);
        for t in (0..steps).rev() {
            self.gate_errors(t, &dh_out[t * n..(t + 1) * n]);
            let dz = &self.dz[t * 4 * n..(t + 1) * 4 * n];
            dot_columns(&mut self.dh_next, cell.weight_hh.as_slice(), dz);
            self.input_side(t, cell, grads);
        }
        self.add_bias_and_recurrent_gradients(grads);
        Ok(())
    }

    /// The cell, the output gradient and the gradient accumulator must fit the last forward
    /// pass.
    fn check_backward_shapes(
        &self,
        cell: &LstmCell<f32>,
        dh_out: &[f32],
        grads: &LstmCell<f32>,
    ) -> Result<(), KernelError> {
        let (n, m, steps) = (self.hidden, self.input, self.steps);
        if cell.hidden_size() != n || cell.input_size() != m {
            return Err(KernelError::Length {
                what: "the cell",
                expected: 4 * n * (n + m),
                found: cell.weight_ih.len() + cell.weight_hh.len(),
            });
        }
        check("the output gradient", steps * n, dh_out.len())?;
        if grads.weight_ih.shape() != cell.weight_ih.shape()
            || grads.weight_hh.shape() != cell.weight_hh.shape()
            || grads.bias_ih.len() != 4 * n
            || grads.bias_hh.len() != 4 * n
        {
            return Err(KernelError::Length {
                what: "the gradient",
                expected: 4 * n * (n + m + 2),
                found: grads.weight_ih.len()
                    + grads.weight_hh.len()
                    + grads.bias_ih.len()
                    + grads.bias_hh.len(),
            });
        }
        Ok(())
    }

    /// Step t backwards through the gates, unit by unit: from dL/dh_t (`dout`, the loss's own
    /// error, plus what step t + 1 sent back in `dh_next`) and dL/dc_t (`dc_next`) to the
    /// pre-activation errors dz_t of i, f, g and o, leaving dL/dc_{t−1} in `dc_next`. (dL/dh_{t−1}
    /// needs W_hhᵀ dz_t, which the caller forms.)
    #[inline]
    fn gate_errors(&mut self, t: usize, dout: &[f32]) {
        let n = self.hidden;
        let gates = &self.gates[t * 4 * n..(t + 1) * 4 * n];
        let (i, rest) = gates.split_at(n);
        let (f, rest) = rest.split_at(n);
        let (g, o) = rest.split_at(n);
        let c_prev = &self.cells[t * n..(t + 1) * n];
        let q = &self.squashed[t * n..(t + 1) * n];
        let dh = &mut self.dh[t * n..(t + 1) * n];
        let dc = &mut self.dc[t * n..(t + 1) * n];
        let dz = &mut self.dz[t * 4 * n..(t + 1) * 4 * n];
        let (dzi, rest) = dz.split_at_mut(n);
        let (dzf, rest) = rest.split_at_mut(n);
        let (dzg, dzo) = rest.split_at_mut(n);
        // Equal lengths stated once, so the loop below has no bounds checks and vectorises.
        let (i, f, g, o, c_prev, q, dout) =
            (&i[..n], &f[..n], &g[..n], &o[..n], &c_prev[..n], &q[..n], &dout[..n]);
        let (dh, dc, dzi, dzf, dzg, dzo) =
            (&mut dh[..n], &mut dc[..n], &mut dzi[..n], &mut dzf[..n], &mut dzg[..n], &mut dzo[..n]);
        let (dh_next, dc_next) = (&mut self.dh_next[..n], &mut self.dc_next[..n]);
        for k in 0..n {
            let d = dout[k] + dh_next[k];
            dh[k] = d;
            // h = o ⊙ tanh(c)
            dzo[k] = d * q[k] * o[k] * (1.0 - o[k]);
            let dck = dc_next[k] + d * o[k] * (1.0 - q[k] * q[k]);
            dc[k] = dck;
            // c = f ⊙ c_prev + i ⊙ g
            dzi[k] = dck * g[k] * i[k] * (1.0 - i[k]);
            dzf[k] = dck * c_prev[k] * f[k] * (1.0 - f[k]);
            dzg[k] = dck * i[k] * (1.0 - g[k] * g[k]);
            dc_next[k] = dck * f[k];
        }
    }

    /// The input side of step t: dx_t = W_ihᵀ dz_t, dW_ih += dz_t x_tᵀ and db += dz_t. These
    /// cost little here, while dz_t is still in cache (a matrix product of width I would spend
    /// more on set-up than on arithmetic).
    #[inline]
    fn input_side(&mut self, t: usize, cell: &LstmCell<f32>, grads: &mut LstmCell<f32>) {
        let (n, m) = (self.hidden, self.input);
        let dz = &self.dz[t * 4 * n..(t + 1) * 4 * n];
        dot_columns(&mut self.dx[t * m..(t + 1) * m], cell.weight_ih.as_slice(), dz);
        for (col, &x) in
            grads.weight_ih.as_mut_slice().chunks_exact_mut(4 * n).zip(&self.xs[t * m..(t + 1) * m])
        {
            add_scaled(col, x, dz);
        }
        add_scaled(&mut self.db, 1.0, dz);
    }

    /// After the loop over time: the summed bias error into both bias vectors, and dW_hh += DZ·H_prev
    /// (4H × T times T × H), one matrix product for the whole sequence.
    fn add_bias_and_recurrent_gradients(&self, grads: &mut LstmCell<f32>) {
        let (n, steps) = (self.hidden, self.steps);
        for (b, d) in grads.bias_ih.iter_mut().zip(&self.db) {
            *b += d;
        }
        for (b, d) in grads.bias_hh.iter_mut().zip(&self.db) {
            *b += d;
        }
        let dz = DMatrixView::from_slice(&self.dz, 4 * n, steps);
        let h_prev = DMatrixView::from_slice_with_strides_generic(
            &self.hiddens[..steps * n],
            Dyn(steps),
            Dyn(n),
            Dyn(n),
            Dyn(1),
        );
        grads.weight_hh.gemm(1.0, &dz, &h_prev, 1.0);
    }

    /// Steps in the last forward pass.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// h_t for t = 0 … T (t = 0 is the initial state).
    pub fn hidden(&self, t: usize) -> &[f32] {
        &self.hiddens[t * self.hidden..(t + 1) * self.hidden]
    }

    /// c_t for t = 0 … T.
    pub fn cell_state(&self, t: usize) -> &[f32] {
        &self.cells[t * self.hidden..(t + 1) * self.hidden]
    }

    /// The gate activations i, f, g, o of step t = 1 … T, one after the other (4H values).
    pub fn gates(&self, t: usize) -> &[f32] {
        &self.gates[(t - 1) * 4 * self.hidden..t * 4 * self.hidden]
    }

    /// dL/dh_t for t = 1 … T, after [`Self::backward`].
    pub fn dh(&self, t: usize) -> &[f32] {
        &self.dh[(t - 1) * self.hidden..t * self.hidden]
    }

    /// dL/dc_t for t = 1 … T, after [`Self::backward`].
    pub fn dc(&self, t: usize) -> &[f32] {
        &self.dc[(t - 1) * self.hidden..t * self.hidden]
    }

    /// dL/dx_t for t = 1 … T, after [`Self::backward`].
    pub fn dx(&self, t: usize) -> &[f32] {
        &self.dx[(t - 1) * self.input..t * self.input]
    }

    /// dL/dh_0, after [`Self::backward`].
    pub fn dh0(&self) -> &[f32] {
        &self.dh_next
    }

    /// dL/dc_0, after [`Self::backward`].
    pub fn dc0(&self) -> &[f32] {
        &self.dc_next
    }
}

/// z += Σ_j v[j] · (column j of the column-major matrix `w`, whose columns have z.len() rows).
/// Four columns at a time, so each pass over z loads and stores it once per four columns.
#[inline]
fn add_columns(z: &mut [f32], w: &[f32], v: &[f32]) {
    let rows = z.len();
    if rows == 0 {
        return;
    }
    let mut cols = w.chunks_exact(rows).zip(v);
    let mut quads = w.chunks_exact(4 * rows).zip(v.chunks_exact(4));
    for (block, a) in &mut quads {
        let (w0, rest) = block.split_at(rows);
        let (w1, rest) = rest.split_at(rows);
        let (w2, w3) = rest.split_at(rows);
        let (w0, w1, w2, w3) = (&w0[..rows], &w1[..rows], &w2[..rows], &w3[..rows]);
        for r in 0..rows {
            z[r] = madd(a[3], w3[r], madd(a[2], w2[r], madd(a[1], w1[r], madd(a[0], w0[r], z[r]))));
        }
    }
    let done = v.len() / 4 * 4;
    for (col, &a) in (&mut cols).skip(done) {
        for (zr, wr) in z.iter_mut().zip(col) {
            *zr = madd(a, *wr, *zr);
        }
    }
}

/// y += a · x.
#[inline]
fn add_scaled(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y = madd(a, x, *y);
    }
}

/// out[j] = (column j of `w`) · d, for the column-major matrix `w` whose columns have d.len()
/// rows. Four columns at a time, each with sixteen independent partial sums: the loads of d are
/// shared and the additions form independent chains, so the loop vectorises (without
/// reassociating floating-point sums behind the compiler's back) and is not bound by the latency
/// of one accumulator.
#[inline]
fn dot_columns(out: &mut [f32], w: &[f32], d: &[f32]) {
    const LANES: usize = 16;
    let rows = d.len();
    if rows == 0 {
        out.fill(0.0);
        return;
    }
    let (d_body, d_tail) = d.as_chunks::<LANES>();
    let finish = |acc: [f32; LANES], col: &[f32]| -> f32 {
        let tail: f32 = col[rows - d_tail.len()..].iter().zip(d_tail).map(|(x, y)| x * y).sum();
        sum_lanes(acc) + tail
    };
    let mut outs = out.chunks_exact_mut(4);
    let mut blocks = w.chunks_exact(4 * rows);
    for (o, block) in (&mut outs).zip(&mut blocks) {
        let (c0, rest) = block.split_at(rows);
        let (c1, rest) = rest.split_at(rows);
        let (c2, c3) = rest.split_at(rows);
        let (mut a0, mut a1, mut a2, mut a3) =
            ([0.0f32; LANES], [0.0f32; LANES], [0.0f32; LANES], [0.0f32; LANES]);
        let chunks = d_body
            .iter()
            .zip(c0.as_chunks::<LANES>().0)
            .zip(c1.as_chunks::<LANES>().0)
            .zip(c2.as_chunks::<LANES>().0)
            .zip(c3.as_chunks::<LANES>().0);
        for ((((dv, x0), x1), x2), x3) in chunks {
            for l in 0..LANES {
                a0[l] = madd(x0[l], dv[l], a0[l]);
                a1[l] = madd(x1[l], dv[l], a1[l]);
                a2[l] = madd(x2[l], dv[l], a2[l]);
                a3[l] = madd(x3[l], dv[l], a3[l]);
            }
        }
        o[0] = finish(a0, c0);
        o[1] = finish(a1, c1);
        o[2] = finish(a2, c2);
        o[3] = finish(a3, c3);
    }
    for (o, col) in outs.into_remainder().iter_mut().zip(blocks.remainder().chunks_exact(rows)) {
        let mut acc = [0.0f32; LANES];
        for (dv, x) in d_body.iter().zip(col.as_chunks::<LANES>().0) {
            for l in 0..LANES {
                acc[l] = madd(x[l], dv[l], acc[l]);
            }
        }
        *o = finish(acc, col);
    }
}

/// The sum of sixteen partial sums as a tree (8 + 8, 4 + 4, …): four vector additions instead
/// of a chain of fifteen dependent scalar ones.
#[inline(always)]
fn sum_lanes(mut acc: [f32; 16]) -> f32 {
    let mut width = 8;
    while width > 0 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    acc[0]
}
