/** The choices for plan options, shared by /workout, /profile set and /daily set. */
import { EQUIPMENT_LEVELS, GOALS, LEVELS } from '../core/plan-types.ts';
import { workoutText } from './messages.ts';

/** Goal choices, named for members. */
export const GOAL_CHOICES = GOALS.map((value) => ({ name: workoutText.goalChoices[value], value }));
/** Level choices, named for members. */
export const LEVEL_CHOICES = LEVELS.map((value) => ({ name: workoutText.levelChoices[value], value }));
/** Equipment choices, named for members. */
export const EQUIPMENT_CHOICES = EQUIPMENT_LEVELS.map((value) => ({ name: workoutText.equipmentChoices[value], value }));
