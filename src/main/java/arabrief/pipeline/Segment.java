package arabrief.pipeline;

/** A piece of Arabic source and its English translation with the model's score. */
public record Segment(String source, String text, double score) {}
