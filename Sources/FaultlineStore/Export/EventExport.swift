/// The fields `faultline events` and `faultline claims` export as JSON Lines and CSV.
///
/// The first fields of an event are fixed (the README lists them); more follow. Every span is
/// in Unicode scalars into the stored document text, so `text[start:end]` in Python is the
/// trigger, and `text[sentence_start:sentence_end]` the sentence.
///
/// ```swift
/// for event in try store.events() { print(EventExport.record(event).jsonLine) }
/// ```
public enum EventExport {
    public static func record(_ e: StoredEvent) -> ExportRecord {
        typealias V = ExportRecord.Value
        return ExportRecord([
            ("id", .int(Int(e.id))),
            ("document", .string(e.document)),
            ("sentence", .int(e.sentence)),
            ("start", .int(e.start)),
            ("end", .int(e.end)),
            ("trigger", .string(e.trigger)),
            ("code", .string(e.code)),
            ("root", .string(e.root)),
            ("plover", V.from(e.plover)),
            ("goldstein", .double(e.goldstein)),
            ("quad", .int(e.quad)),
            ("source", V.from(e.source?.code)),
            ("target", V.from(e.target?.code)),
            ("source_actor", V.from(e.source?.actor)),
            ("target_actor", V.from(e.target?.actor)),
            ("date", V.from(e.date)),
            ("place", V.from(e.place?.id)),
            ("status", .string(e.status)),
            ("attributed_to", V.from(e.attributedTo?.text)),
            ("text", .string(e.text)),
            // More, after the fixed fields.
            ("cue", V.from(e.cue)),
            ("sentence_start", .int(e.sentenceSpan.start)),
            ("sentence_end", .int(e.sentenceSpan.end)),
            ("source_name", V.from(e.source?.name)),
            ("source_text", V.from(e.source?.text)),
            ("source_start", V.from(e.source?.start)),
            ("source_end", V.from(e.source?.end)),
            ("source_inferred", V.from(e.source?.inferred)),
            ("target_name", V.from(e.target?.name)),
            ("target_text", V.from(e.target?.text)),
            ("target_start", V.from(e.target?.start)),
            ("target_end", V.from(e.target?.end)),
            ("target_inferred", V.from(e.target?.inferred)),
            ("date_first", V.from(e.dateFirst)),
            ("date_last", V.from(e.dateLast)),
            ("date_source", V.from(e.dateSource)),
            ("date_text", V.from(e.dateText)),
            ("place_name", V.from(e.place?.name)),
            ("place_country", V.from(e.place?.country)),
            ("lat", V.from(e.place?.latitude)),
            ("lon", V.from(e.place?.longitude)),
            ("place_text", V.from(e.place?.text)),
            ("place_start", V.from(e.place?.start)),
            ("place_end", V.from(e.place?.end)),
            ("attributed_to_actor", V.from(e.attributedTo?.actor)),
            ("attributed_to_code", V.from(e.attributedTo?.code)),
            ("attributed_to_start", V.from(e.attributedTo?.start)),
            ("attributed_to_end", V.from(e.attributedTo?.end)),
            ("published", V.from(e.origin.published)),
            ("url", V.from(e.origin.url)),
        ])
    }

    /// The CSV header: the field names.
    public static var header: [String] { record(placeholder).names }

    static let placeholder = StoredEvent(
        id: 0, document: "", sentence: 0, start: 0, end: 0, trigger: "", code: "", root: "", goldstein: 0, quad: 0, status: "",
        sentenceSpan: StoredSpan(start: 0, end: 0), text: "", origin: DocumentOrigin(origin: "", ingestedAt: ""))
}

/// The fields of an exported claim.
public enum ClaimExport {
    public static func record(_ c: StoredClaim) -> ExportRecord {
        typealias V = ExportRecord.Value
        return ExportRecord([
            ("id", .int(Int(c.id))),
            ("document", .string(c.document)),
            ("sentence", .int(c.sentence)),
            ("start", .int(c.start)),
            ("end", .int(c.end)),
            ("content", .string(c.content)),
            ("speaker", V.from(c.speaker?.code)),
            ("speaker_actor", V.from(c.speaker?.actor)),
            ("speaker_name", V.from(c.speaker?.name)),
            ("speaker_text", V.from(c.speaker?.text)),
            ("speaker_start", V.from(c.speaker?.start)),
            ("speaker_end", V.from(c.speaker?.end)),
            ("affiliation", V.from(c.affiliation)),
            ("affiliation_actor", V.from(c.affiliationActor)),
            ("cue", .string(c.cue)),
            ("cue_start", .int(c.cueStart)),
            ("cue_end", .int(c.cueEnd)),
            ("direct", .bool(c.direct)),
            ("continuation", .bool(c.continuation)),
            ("text", .string(c.text)),
            ("sentence_start", .int(c.sentenceSpan.start)),
            ("sentence_end", .int(c.sentenceSpan.end)),
            ("published", V.from(c.origin.published)),
            ("url", V.from(c.origin.url)),
        ])
    }

    public static var header: [String] { record(placeholder).names }

    static let placeholder = StoredClaim(
        id: 0, document: "", sentence: 0, start: 0, end: 0, content: "", cue: "", cueStart: 0, cueEnd: 0, direct: false,
        continuation: false, sentenceSpan: StoredSpan(start: 0, end: 0), text: "", origin: DocumentOrigin(origin: "", ingestedAt: ""))
}
