//! The interface's own words on a static page, in both languages.

use super::{Text, t};

/// The site's name.
pub const APP_TITLE: Text = t("LSTM 탐험", "LSTM Explorer");
/// Under the name.
pub const TAGLINE: Text = t(
    "순환 신경망과 LSTM을 실제 숫자로 배우는 코스",
    "A course on recurrent networks and the LSTM, with real numbers",
);
/// The language switch's label.
pub const LANGUAGE: Text = t("언어", "Language");
/// The lesson list's heading.
pub const LESSONS: Text = t("단원", "Lessons");
/// Before a lesson's number.
pub const LESSON: Text = t("단원", "Lesson");
/// The pager.
pub const PREVIOUS_LESSON: Text = t("이전 단원", "Previous lesson");
/// The pager.
pub const NEXT_LESSON: Text = t("다음 단원", "Next lesson");
/// Step navigation.
pub const PREVIOUS_STEP: Text = t("이전 단계", "Previous step");
/// Step navigation.
pub const NEXT_STEP: Text = t("다음 단계", "Next step");
/// Step navigation's label.
pub const STEPS: Text = t("단계", "Steps");
/// One progress dot's label, before its number.
pub const STEP: Text = t("단계", "Step");
/// The keys that step.
pub const STEP_KEYS: Text = t("N: 다음 단계, P: 이전 단계", "N: next step, P: previous step");
/// The copy-link button.
pub const COPY_LINK: Text = t("이 화면의 링크 복사", "Copy a link to this view");
/// After copying.
pub const COPIED: Text = t("링크를 복사했습니다.", "Link copied.");
/// The notice for a URL the page could not fully read.
pub const URL_NOTICE: Text = t(
    "주소의 일부 값을 읽을 수 없어 기본값을 썼습니다:",
    "Some values in the address could not be read, so their defaults are used:",
);
/// A right answer.
pub const RIGHT: Text = t("맞았습니다.", "Right.");
/// A wrong answer.
pub const WRONG: Text = t("아쉽지만 아닙니다.", "Not quite.");
/// Before the measured value.
pub const MEASURED: Text = t("이 페이지가 지금 계산한 값:", "What the page computes right now:");
/// Before the choices.
pub const PREDICT: Text = t("먼저 예상해 보세요", "Predict first");
/// Before the WebAssembly arrives.
pub const LOADING: Text = t("장면을 불러오는 중…", "Loading the scene…");
/// When the WebAssembly could not be fetched or started.
pub const SCENE_FAILED: Text = t(
    "장면을 불러오지 못했습니다. 글은 그대로 읽을 수 있습니다. 연결을 확인하고 페이지를 다시 여세요.",
    "The scene could not be loaded. The text still reads as it is; check the connection and reload the page.",
);
/// Without JavaScript.
pub const NO_SCRIPT: Text = t(
    "글은 그대로 읽을 수 있지만, 살아 있는 장면에는 JavaScript와 WebAssembly가 필요합니다.",
    "The text reads as it is, but the live scenes need JavaScript and WebAssembly.",
);
/// Footer.
pub const PAPER: Text = t(
    "원 논문: Hochreiter & Schmidhuber (1997), “Long Short-Term Memory”, Neural Computation 9(8)",
    "The original paper: Hochreiter & Schmidhuber (1997), “Long Short-Term Memory”, Neural Computation 9(8)",
);
/// Footer.
pub const HONEST: Text = t(
    "화면의 모든 숫자는 이 페이지가 브라우저 안에서 직접 계산한 값입니다.",
    "Every number on this page is computed by the page itself, in your browser.",
);
/// Marks a lesson done in the list.
pub const DONE: Text = t("마침", "done");

/// The glossary page.
pub const GLOSSARY: Text = t("용어집", "Glossary");
/// Under its title.
pub const GLOSSARY_SUMMARY: Text = t(
    "강의에 나오는 용어를 한곳에 모았습니다. 각 단원에서 용어가 처음 나올 때 이곳으로 연결됩니다.",
    "The terms of the course in one place. In each lesson, a term's first use links here.",
);
/// The teachers' page.
pub const TEACHERS: Text = t("가르치는 분께", "For teachers");
/// Under its title.
pub const TEACHERS_SUMMARY: Text = t(
    "수업에서 이 강의를 쓰는 방법: 한 화면을 그대로 공유하고, 장면만 따로 띄웁니다.",
    "How to use the course in class: share one exact view, or show a scene on its own.",
);
/// The teachers' page, section by section.
pub const TEACHER_NOTES: &[(Text, Text)] = &[
    (
        t("한 화면을 그대로 공유하기", "Share one exact view"),
        t(
            "주소창의 주소는 언제나 지금 보이는 화면을 담고 있습니다: 단원(파일 이름), 언어(lang), 단계(step), 그리고 장면에서 바꾼 모든 설정(시점 커서 t, 게이트 고정 f·i·o, 슬라이더 값, 입력 시퀀스 x 등). 단계 아래의 **이 화면의 링크 복사** 버튼을 누르거나 주소를 그대로 보내면, 받는 사람의 브라우저에서 같은 화면이 열립니다. 예: gates.html?lang=ko&step=4&o=0&t=2",
            "The address always holds the view on screen: the lesson (the file name), the language (lang), the step (step) and every setting changed in the scene (the time cursor t, the gate clamps f, i, o, slider values, the input sequence x, …). Press **Copy a link to this view** under the steps, or send the address as it is, and the same view opens in your students' browsers. For example: gates.html?lang=en&step=4&o=0&t=2",
        ),
    ),
    (
        t("장면만 띄우기 (embed=1)", "Show a scene alone (embed=1)"),
        t(
            "주소에 embed=1을 더하면 머리글, 단원 목록, 단계 글 없이 장면만 보입니다. 발표 자료나 학습 관리 시스템에 iframe으로 넣을 수 있습니다: <iframe src=\"…/lstm-cell.html?embed=1&step=3\" width=\"900\" height=\"700\"></iframe>. 단계의 설정은 그대로 적용됩니다.",
            "Add embed=1 to the address and only the scene shows: no header, no lesson list, no step text. Put it in slides or a learning-management system with an iframe: <iframe src=\"…/lstm-cell.html?embed=1&step=3\" width=\"900\" height=\"700\"></iframe>. The step's settings still apply.",
        ),
    ),
    (
        t("키보드", "Keyboard"),
        t(
            "N과 P는 다음 단계와 이전 단계로 갑니다. 장면을 선택한 뒤에는 ←/→가 시점을 한 칸씩, Home/End가 처음과 끝으로 옮기고, 스페이스가 재생과 정지를 합니다.",
            "N and P go to the next and the previous step. Once the scene is selected, ←/→ move the time cursor one step, Home/End to the first and last step, and the space bar plays and pauses.",
        ),
    ),
    (
        t("질문", "Questions"),
        t(
            "2단원부터 모든 단원에 \"먼저 예상해 보세요\" 질문이 있습니다. 답은 글에 적혀 있지 않고, 학생이 고르는 순간 이 페이지의 모델이 계산합니다. 그래서 학생이 설정을 바꾼 뒤에 답하면 답도 그 설정에 맞게 달라집니다. 수업에서는 학생들이 먼저 고르게 한 뒤 함께 열어 보기를 권합니다.",
            "From lesson 2 on, every lesson asks a \"predict first\" question. The answer is not written in the text: the page's model computes it the moment a student chooses, so if a student has changed the settings first, the answer follows their settings. In class, let everyone choose before you reveal it together.",
        ),
    ),
    (
        t("개인 정보", "Privacy"),
        t(
            "모든 계산은 학생의 브라우저 안에서 일어나고, 아무것도 다른 곳으로 보내지 않습니다. 브라우저에 남기는 것은 고른 언어와 마친 단원 목록뿐입니다.",
            "Everything is computed in the student's browser and nothing is sent anywhere. The browser keeps only the chosen language and the list of lessons finished.",
        ),
    ),
];

/// Every interface text, for the tests.
pub const ALL: [Text; 28] = [
    GLOSSARY,
    GLOSSARY_SUMMARY,
    TEACHERS,
    TEACHERS_SUMMARY,
    APP_TITLE,
    TAGLINE,
    LANGUAGE,
    LESSONS,
    LESSON,
    PREVIOUS_LESSON,
    NEXT_LESSON,
    PREVIOUS_STEP,
    NEXT_STEP,
    STEPS,
    STEP,
    STEP_KEYS,
    COPY_LINK,
    COPIED,
    URL_NOTICE,
    RIGHT,
    WRONG,
    MEASURED,
    PREDICT,
    LOADING,
    NO_SCRIPT,
    PAPER,
    HONEST,
    DONE,
];
