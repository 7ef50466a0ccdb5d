/// A text after the language layer: its tokens (syntactic words) with tags, lemmas, heads
/// and relations, its sentences, and its named entities — all with scalar offsets into the text.
public struct AnnotatedText: Sendable, Codable {
    /// One analysed word.
    public struct Word: Sendable, Codable, Hashable {
        public var token: Token
        public var upos: String
        public var xpos: String
        public var lemma: String
        /// Index of the head word in `words` (document-wide), nil for a sentence's root.
        public var head: Int?
        public var deprel: String
        /// BIO entity tag (`B-PER`, `I-LOC`, `O`).
        public var entity: String
    }

    /// A named entity: its words, type and scalar span.
    public struct Entity: Sendable, Codable, Hashable {
        public var sentence: Int
        public var words: Range<Int>
        public var type: String
        public var start: Int
        public var end: Int
        public var text: String

        public init(sentence: Int, words: Range<Int>, type: String, start: Int, end: Int, text: String) {
            self.sentence = sentence
            self.words = words
            self.type = type
            self.start = start
            self.end = end
            self.text = text
        }
    }

    public var words: [Word]
    public var sentences: [Sentence]
    public var entities: [Entity]
}
