//! Next-character prediction on short texts, in Korean and English: the seed's example of
//! language as a sequence ("금요일이 지나면" → "주말"). A window of the text goes in one
//! character at a time; after each, the network predicts the next. A window counts as solved
//! when at least 90 % of its next characters are the network's top choice.

use super::{Sample, one_hot};
use crate::model::Rng;
use crate::model::tasks::Target;

/// The share of next characters a solved window must get right.
pub const ACCURACY: f64 = 0.9;

/// The built-in Korean text: the week, in order, twice over, ending in the seed's sentence.
pub const WEEK_KO: &str = "월요일 다음은 화요일. 화요일 다음은 수요일. 수요일 다음은 목요일. 목요일 다음은 금요일. 금요일이 지나면 주말. 주말이 지나면 월요일. ";
/// The built-in English text.
pub const WEEK_EN: &str = "monday comes before tuesday. tuesday comes before wednesday. wednesday comes before thursday. thursday comes before friday. after friday comes the weekend. after the weekend comes monday. ";

/// Next-character prediction on windows of `window` characters from `text`.
#[derive(Clone, Debug, PartialEq)]
pub struct TextTask {
    /// The text (read as a loop, so every window is full).
    pub text: String,
    /// Characters per training window (at least 2).
    pub window: usize,
    /// The share of windows (0 … 1) that start where a sentence does (the text's start, or right
    /// after ". "), so that the zero state a window starts from comes to mean "a sentence begins";
    /// the others start at any character.
    pub sentence_starts: f64,
}

impl TextTask {
    /// The distinct characters of the text, sorted: the one-hot code.
    pub fn vocabulary(&self) -> Vec<char> {
        let mut v: Vec<char> = self.text.chars().collect();
        v.sort_unstable();
        v.dedup();
        if v.is_empty() {
            v.push(' ');
        }
        v
    }

    /// Where sentences start: character 0 and every character right after ". " (never empty).
    pub fn sentence_starts(&self) -> Vec<usize> {
        let chars: Vec<char> = self.text.chars().collect();
        let mut starts = vec![0];
        starts.extend((2..chars.len()).filter(|&k| chars[k - 2] == '.' && chars[k - 1] == ' '));
        starts
    }

    /// A window starting at a random character (or a random sentence start, see
    /// [`TextTask::sentence_starts`]); targets are the following characters.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let vocab = self.vocabulary();
        let chars: Vec<usize> =
            self.text.chars().map(|c| vocab.binary_search(&c).unwrap_or(0)).collect::<Vec<_>>();
        let n = chars.len().max(1);
        let start = if self.sentence_starts > 0.0 && rng.next_f64() < self.sentence_starts {
            let starts = self.sentence_starts();
            starts[rng.below(starts.len())]
        } else {
            rng.below(n)
        };
        let window = self.window.max(2);
        let at = |k: usize| chars.get((start + k) % n).copied().unwrap_or(0);
        let inputs = (0..window).map(|k| one_hot(vocab.len(), at(k))).collect();
        let targets =
            (0..window).map(|k| Some(Target::Class { index: at(k + 1), allowed: vec![at(k + 1)] })).collect();
        Sample { inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_the_text_and_predict_the_next_character() {
        let task = TextTask { text: WEEK_KO.to_string(), window: 12, sentence_starts: 0.0 };
        let vocab = task.vocabulary();
        assert!(vocab.contains(&'금') && vocab.contains(&'주'));
        let s = task.generate(&mut Rng::new(8));
        let read: String = s.inputs.iter().map(|x| vocab[x.argmax().0]).collect();
        assert!(WEEK_KO.repeat(2).contains(&read), "{read}");
        for t in 0..11 {
            let Some(Target::Class { index, .. }) = s.targets[t] else { panic!() };
            assert_eq!(index, s.inputs[t + 1].argmax().0);
        }
    }

    #[test]
    fn sentence_start_windows_begin_where_a_sentence_does() {
        let task = TextTask { text: WEEK_EN.to_string(), window: 8, sentence_starts: 1.0 };
        let starts = task.sentence_starts();
        assert_eq!(starts.len(), 6);
        let chars: Vec<char> = WEEK_EN.chars().collect();
        let vocab = task.vocabulary();
        let mut rng = Rng::new(2);
        for _ in 0..50 {
            let s = task.generate(&mut rng);
            let read: String = s.inputs.iter().map(|x| vocab[x.argmax().0]).collect();
            let at_start = starts.iter().any(|&k| chars[k..].iter().take(8).collect::<String>() == read);
            assert!(at_start, "{read}");
        }
        // Windows anywhere still begin mid-sentence too.
        let anywhere = TextTask { sentence_starts: 0.0, ..task };
        let mid = (0..50).map(|_| anywhere.generate(&mut rng)).any(|s| {
            let first = vocab[s.inputs[0].argmax().0];
            first != 'm' && first != 't' && first != 'a'
        });
        assert!(mid);
    }
}
