package com.ext;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Part of an optional library: the application is compiled against it, and runs without it. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Experimental {
}
