package io.tallycast.map;

/**
 * One entry of a map's {@code seats.json}: {"no","name","group","pixels","bbox":[x,y,w,h],"label":[x,y]}; the label
 * is a pixel inside the seat (where a name or a test probe goes).
 */
public record SeatInfo(int no, String name, String group, long pixels, int[] bbox, int[] label) {
}
