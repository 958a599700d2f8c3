// The text a person would read in replies: message text, card text and button titles (the eval's grading view).
export { readableText as visibleText } from '../../scripts/eval';
