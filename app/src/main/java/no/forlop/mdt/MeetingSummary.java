package no.forlop.mdt;

/** A meeting in a list: the number of patients on its agenda and of decisions recorded in it. */
public record MeetingSummary(Meeting meeting, int patients, int decisions) {}
