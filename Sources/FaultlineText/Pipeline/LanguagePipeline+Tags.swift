/// Re-analysing a sentence with some tags decided beforehand: how event extraction repairs
/// headlines ("Belarusian army deploys MLRS squadron"), whose grammar EWT's tagger rarely saw.
extension LanguagePipeline {
    /// The analysis of `forms` with the tags at the given positions fixed ("VERB", "VBZ");
    /// the parser, lemmatizer and recogniser then read the fixed tags. With `root`, that word
    /// is made the root of the parse.
    public func analyse(_ forms: [String], fixing fixed: [Int: (upos: String, xpos: String)], root: Int? = nil) -> Analysis {
        let keys = forms.map(WordKeys.init)
        var classes = models.tagger.tag(keys)
        for (position, tag) in fixed where classes.indices.contains(position) {
            if let c = models.tagger.upos.indices.first(where: { models.tagger.upos[$0] == tag.upos && models.tagger.xpos[$0] == tag.xpos }) {
                classes[position] = c
            }
        }
        let tagKeys = classes.map { models.tagger.classKeys[$0] }
        let upos = classes.map { models.tagger.upos[$0] }
        let xpos = classes.map { models.tagger.xpos[$0] }
        let lemmas = forms.indices.map { models.lemmatizer.lemma(forms[$0], upos: upos[$0], xpos: xpos[$0]) }
        let spans = models.recognizer.recognize(words: keys, tags: tagKeys)
        let tree = models.parser.parse(
            words: keys, tags: tagKeys, coarse: classes.map { models.tagger.coarseKeys[$0] }, root: root.flatMap { forms.indices.contains($0) ? $0 : nil })
        return Analysis(
            upos: upos, xpos: xpos, lemmas: lemmas, heads: tree.heads, deprels: tree.labels.map { models.parser.labels[$0] },
            entities: EntityRecognizer.iob2(spans, count: forms.count), spans: spans)
    }

    /// The lemma a word would have as a verb with this XPOS.
    public func verbLemma(_ form: String, xpos: String) -> String {
        models.lemmatizer.lemma(form, upos: "VERB", xpos: xpos)
    }
}
