//! The explorer's "bring your own" panel, as static HTML in both languages: open a PyTorch
//! model (or a sample), give it your own inputs (a CSV, or a line drawn with a finger), pick the
//! layer and units shown, and save the weights back. `assets/bring.js` gives it its behaviour;
//! the lab module reads the files and the page module runs the network.
//!
//! Messages the script fills in are here too, as hidden templates with `{placeholders}`, so
//! every sentence a learner reads is written once, in Rust, in both languages.

use crate::model::stack::MAX_LAYERS;
use crate::model::weights::{MAX_FILE_BYTES, MAX_HIDDEN, MAX_INPUT};
use crate::text::{Lang, Text, html_escape as escape, t};

const TITLE: Text = t("내 모델과 데이터로", "Bring your own model and data");
const LOADING: Text =
    t("내 모델과 데이터를 여는 도구를 불러오는 중…", "Loading the tools to open your own model and data…");
const FAILED: Text = t(
    "도구를 불러오지 못했습니다. 연결을 확인하고 페이지를 다시 여세요.",
    "The tools could not be loaded. Check the connection and open the page again.",
);
const OPEN: Text = t("모델 열기…", "Open model…");
const NOTE: Text = t(
    "PyTorch의 nn.RNN·nn.LSTM·nn.GRU(1~3층, bias 없이도 됨)를 json.dump({k: v.tolist() for k, v in m.state_dict().items()}, f)로 저장해 고르거나 이 장면에 끌어다 놓으세요. 파일은 이 페이지 안에서만 읽으며 어디에도 올리지 않습니다.",
    "Save an nn.RNN, nn.LSTM or nn.GRU from PyTorch (1 to 3 layers, with or without biases) with json.dump({k: v.tolist() for k, v in m.state_dict().items()}, f), then pick the file or drop it on this scene. The file is read inside this page; nothing is uploaded anywhere.",
);
const LIMITS: Text = t(
    "한도: 파일 {mb} MB, 은닉 크기 H ≤ {h}, 입력 크기 I ≤ {i}, {layers}층. 유닛이 8개보다 많으면 8개씩 보여 줍니다.",
    "Limits: a {mb} MB file, hidden size H ≤ {h}, input size I ≤ {i}, {layers} layers. More than 8 units are shown 8 at a time.",
);
const SAMPLE_ADDING: Text = t("예제: 덧셈 문제를 푸는 LSTM", "Sample: an LSTM trained on the adding problem");
const SAMPLE_SINE: Text = t("예제: 두 사인파를 읽는 2층 GRU", "Sample: a 2-layer GRU trained on two sines");
const CLOSE: Text = t("닫고 시드 셀로 돌아가기", "Close and go back to the seeded cell");
const ACTIVATION: Text =
    t("RNN 활성화 함수 (state_dict에는 기록되지 않음)", "RNN activation (a state_dict does not record it)");
const LAYER: Text = t("아래에서 열어 볼 층", "Layer shown below");
const SEEDED_LAYERS: Text = t("시드 셀의 층 수", "Layers of the seeded cell");
const UNIT: Text = t("보여 줄 첫 유닛", "First unit shown");
const DATA: Text = t("내 입력: CSV나 손으로 그린 선", "Your own inputs: a CSV or a line you draw");
const CSV_LABEL: Text = t(
    "CSV 붙여넣기: 한 줄이 한 시점, 한 열이 입력 하나입니다. 첫 줄은 머리글이어도 됩니다(최대 2,000줄, 64열).",
    "Paste a CSV: one row per time step, one column per input; the first row may be a header (at most 2,000 rows and 64 columns).",
);
const CSV_APPLY: Text = t("이 CSV 쓰기", "Use this CSV");
const CSV_OPEN: Text = t("CSV 파일 열기…", "Open a CSV file…");
const DRAW_LABEL: Text = t(
    "패드에 왼쪽에서 오른쪽으로 선을 그리세요(손가락이나 마우스). 손을 떼면 선을 T개 시점의 값으로 다시 표본화합니다(위 +1, 아래 −1).",
    "Draw a line across the pad from left to right, with a finger or the mouse. When you lift it, the line is resampled to T steps (top +1, bottom −1).",
);
const DRAW_STEPS: Text = t("시점 수 T", "Steps T");
const SAVE: Text = t("가중치 저장 (PyTorch state_dict JSON)", "Save weights (PyTorch state_dict JSON)");
const SAVE_NOTE: Text = t(
    "지금 보이는 네트워크(시드 셀이든 연 모델이든)를 PyTorch가 읽는 파일로 받습니다. 읽는 코드:",
    "Downloads the network shown (seeded or opened) as a file PyTorch reads. To load it:",
);

/// Sentences `assets/bring.js` fills in, by name.
const MESSAGES: [(&str, Text); 7] = [
    (
        "summary",
        t(
            "{kind}, {layers}층, I = {i}, H = {h}, 파라미터 {n}개{bias}",
            "{kind}, {layers} layer(s), I = {i}, H = {h}, {n} parameters{bias}",
        ),
    ),
    ("nobias", t(", bias 없음", ", no biases")),
    (
        "too-large",
        t(
            "파일이 {mb} MB입니다. {limit} MB까지 열 수 있습니다.",
            "The file is {mb} MB; the limit is {limit} MB.",
        ),
    ),
    ("unreadable", t("파일을 읽지 못했습니다.", "The file could not be read.")),
    (
        "csv-read",
        t(
            "{name} 시점 {rows}개 × 입력 {cols}개를 입력으로 씁니다.",
            "{name} {rows} steps × {cols} inputs are the input now.",
        ),
    ),
    (
        "lab",
        t(
            "파일을 읽는 모듈을 불러오지 못했습니다: {why}",
            "The module that reads files could not be loaded: {why}",
        ),
    ),
    ("refused", t("장면이 이것을 열지 못했습니다: {why}", "The scene could not open this: {why}")),
];

/// Both languages of a plain text (no markup), each in its own span.
fn both(text: Text) -> String {
    Lang::ALL
        .iter()
        .map(|&l| format!(r#"<span class="l-{c}" lang="{c}">{}</span>"#, escape(text.get(l)), c = l.code()))
        .collect()
}

/// The file the build writes [`panel`] to (`src/bin/course_pages.rs`).
pub const PANEL_FILE: &str = "parts/bring.html";

/// Where the panel goes on the explorer's page: `assets/course.js` loads its script
/// (`data-script`) once the scene is there, and the script fetches the panel ([`PANEL_FILE`]).
/// The panel works only with the scene, so it stays out of the page's first load.
pub fn slot() -> String {
    format!(
        concat!(
            r#"<div class="bring-slot" data-testid="bring-slot" data-script="bring.js" data-panel="{panel}">"#,
            r#"<p class="note">{}</p><p class="input-error" role="alert" data-testid="bring-failed" hidden>{}</p></div>"#
        ),
        both(LOADING),
        both(FAILED),
        panel = PANEL_FILE,
    )
}

/// The panel under the explorer, as a file of its own (see [`slot`]).
pub fn panel() -> String {
    let limits = Lang::ALL
        .iter()
        .map(|&l| {
            let text = LIMITS
                .get(l)
                .replace("{mb}", &(MAX_FILE_BYTES / 1_000_000).to_string())
                .replace("{h}", &MAX_HIDDEN.to_string())
                .replace("{i}", &MAX_INPUT.to_string())
                .replace("{layers}", &format!("1–{MAX_LAYERS}"));
            format!(r#"<span class="l-{c}" lang="{c}">{}</span>"#, escape(&text), c = l.code())
        })
        .collect::<String>();
    let messages: String = MESSAGES
        .iter()
        .map(|(name, text)| format!(r#"<span data-msg="{name}">{}</span>"#, both(*text)))
        .collect();
    let layers: String = (1..=MAX_LAYERS)
        .map(|l| format!(r#"<button type="button" role="radio" aria-checked="false" data-testid="layer-{l}" data-layer="{l}">{l}</button>"#))
        .collect();
    format!(
        concat!(
            r#"<section class="bring" data-testid="bring" aria-labelledby="bring-title" data-max-weights="{max_weights}" data-max-csv="{max_csv}">"#,
            r#"<link rel="stylesheet" href="./bring.css">"#,
            r#"<h2 id="bring-title">{title}</h2>"#,
            r#"<div class="bring-row">"#,
            r#"<label class="button-like"><input type="file" class="visually-hidden" accept=".json,application/json,.csv,text/csv" data-testid="open-model-input">{open}</label>"#,
            r#"<button type="button" class="chip" data-testid="sample-adding-lstm" data-model="adding-lstm.json" data-data="adding-sample.csv">{adding}</button>"#,
            r#"<button type="button" class="chip" data-testid="sample-sine-gru-2layer" data-model="sine-gru-2layer.json" data-data="sine-sample.csv">{sine}</button>"#,
            r#"</div>"#,
            r#"<p class="note">{note} {limits}</p>"#,
            r#"<div class="opened" data-testid="opened-model" hidden><p><strong class="opened-name"></strong>: <span class="opened-what"></span></p>"#,
            r#"<label class="inline-field opened-activation" hidden><span>{activation}</span><select data-testid="opened-activation"><option value="tanh">tanh</option><option value="relu">ReLU</option></select></label>"#,
            r#"<button type="button" class="chip" data-testid="close-model">{close}</button></div>"#,
            r#"<p class="note" data-testid="csv-read" role="status"></p>"#,
            r#"<p class="input-error" role="alert" data-testid="open-error" hidden></p>"#,
            r#"<div class="bring-view" data-testid="bring-view">"#,
            r#"<div class="mode-switch layers-switch" role="radiogroup" data-testid="layers-switch"><span>{seeded_layers}</span>{seeded}</div>"#,
            r#"<div class="mode-switch layer-switch" role="radiogroup" data-testid="layer-switch" hidden><span>{layer}</span>{layers}</div>"#,
            r#"<label class="inline-field unit-field" hidden><span>{unit}</span><input type="number" min="1" value="1" data-testid="first-unit"></label>"#,
            r#"</div>"#,
            r#"<details class="bring-data" data-testid="bring-data"><summary>{data}</summary>"#,
            r#"<label class="seq-label"><span>{csv_label}</span><textarea rows="4" spellcheck="false" data-testid="csv-text"></textarea></label>"#,
            r#"<div class="bring-row"><button type="button" class="chip" data-testid="csv-apply">{csv_apply}</button>"#,
            r#"<label class="button-like"><input type="file" class="visually-hidden" accept=".csv,text/csv,text/plain" data-testid="csv-file">{csv_open}</label></div>"#,
            r#"<p class="note">{draw_label}</p>"#,
            r#"<svg class="draw-pad" data-testid="draw-pad" viewBox="0 0 320 120" role="img" aria-label="{draw_aria}"><line x1="0" y1="60" x2="320" y2="60" class="draw-axis"></line><polyline class="draw-stroke" points=""></polyline></svg>"#,
            r#"<label class="inline-field"><span>{draw_steps}</span><input type="number" min="2" max="50" value="20" data-testid="draw-steps"></label>"#,
            r#"<p class="input-error" role="alert" data-testid="draw-error" hidden></p>"#,
            r#"</details>"#,
            r#"<div class="save-weights"><button type="button" class="chip" data-testid="save-weights">{save}</button>"#,
            r#"<p class="note">{save_note}</p><pre class="snippet" data-testid="save-snippet"><code></code></pre>"#,
            r#"<p class="input-error" role="alert" data-testid="save-error" hidden></p></div>"#,
            r#"<div class="bring-messages" hidden>{messages}</div>"#,
            r#"</section>"#
        ),
        max_weights = MAX_FILE_BYTES,
        max_csv = crate::input::MAX_CSV_BYTES,
        title = both(TITLE),
        open = both(OPEN),
        adding = both(SAMPLE_ADDING),
        sine = both(SAMPLE_SINE),
        note = both(NOTE),
        limits = limits,
        activation = both(ACTIVATION),
        close = both(CLOSE),
        layer = both(LAYER),
        seeded_layers = both(SEEDED_LAYERS),
        seeded = (1..=MAX_LAYERS)
            .map(|l| format!(r#"<button type="button" role="radio" aria-checked="{}" data-testid="layers-{l}" data-layers="{l}">{l}</button>"#, l == 1))
            .collect::<String>(),
        layers = layers,
        unit = both(UNIT),
        data = both(DATA),
        csv_label = both(CSV_LABEL),
        csv_apply = both(CSV_APPLY),
        csv_open = both(CSV_OPEN),
        draw_label = both(DRAW_LABEL),
        draw_aria = escape(DRAW_LABEL.get(Lang::En)),
        draw_steps = both(DRAW_STEPS),
        save = both(SAVE),
        save_note = both(SAVE_NOTE),
        messages = messages,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_panel_is_there_in_both_languages_and_the_limits_are_the_readers() {
        let html = panel();
        for text in [TITLE, OPEN, NOTE, CLOSE, CSV_LABEL, DRAW_LABEL, SAVE] {
            for l in Lang::ALL {
                assert!(html.contains(&escape(text.get(l))), "{}", text.get(l));
            }
        }
        assert!(html.contains("H ≤ 512") && html.contains("I ≤ 64") && html.contains("20 MB"));
        for (name, _) in MESSAGES {
            assert!(html.contains(&format!(r#"data-msg="{name}""#)));
        }
    }

    #[test]
    fn the_page_holds_a_slot_that_names_the_panel_file_and_its_script() {
        let slot = slot();
        assert!(
            slot.contains(r#"data-script="bring.js""#) && slot.contains(r#"data-panel="parts/bring.html""#)
        );
        for l in Lang::ALL {
            assert!(slot.contains(&escape(LOADING.get(l))) && slot.contains(&escape(FAILED.get(l))));
        }
        assert!(!panel().contains("data-script"), "the panel does not load its script twice");
    }
}
