package com.ext;

/** Part of an optional library: the application is compiled against it, and runs without it. */
public class Config {
    public int level;
}
