/** Types for the parts of `text-readability` (plain JS, no bundled types) the tests use. */
declare module 'text-readability' {
  interface Readability {
    fleschKincaidGrade(text: string): number;
    fleschReadingEase(text: string): number;
    sentenceCount(text: string): number;
    lexiconCount(text: string, removePunctuation?: boolean): number;
  }
  const readability: Readability;
  export default readability;
}
