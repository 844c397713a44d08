// Written by scripts/build-site.mjs: which optional parts this build contains.
export declare const features: { quizPanel: boolean; lessons: boolean };
